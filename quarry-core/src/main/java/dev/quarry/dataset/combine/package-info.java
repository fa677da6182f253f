/**
 * {@code quarry combine}: merges JSONL inputs into one file, removing exact or near duplicates (and,
 * optionally, records contaminated by evaluation sets) in two streaming passes.
 */
package dev.quarry.dataset.combine;
