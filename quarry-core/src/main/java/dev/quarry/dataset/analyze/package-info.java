/**
 * {@code quarry analyze}: distribution by category, extractor and language, token statistics per role,
 * a quality table per category and gaps against category targets, in one streaming pass.
 */
package dev.quarry.dataset.analyze;
