/**
 * Duplicate detection over compact per-record columns (ids, quality scores, exact keys, MinHash
 * signatures): exact keys, MinHash over word shingles, LSH banding with verification, and union-find
 * clustering. Knows nothing about files; {@code combine} streams the records and feeds the columns.
 */
package dev.quarry.dataset.dedup;
