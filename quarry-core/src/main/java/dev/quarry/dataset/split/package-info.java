/**
 * {@code quarry split}: train/validation/test files, stratified by category and grouped by source file so
 * that no file's examples land in two splits.
 */
package dev.quarry.dataset.split;
