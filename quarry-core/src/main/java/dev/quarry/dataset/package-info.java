/**
 * Dataset stages over JSONL files of examples: {@code combine} (merge and deduplicate), {@code dedup} (exact
 * and MinHash/LSH near-duplicate detection), {@code analyze} (distribution and token statistics),
 * {@code balance} (category targets and the deficit plan), {@code split} (train/validation/test grouped by
 * source file), {@code decontaminate} (n-gram overlap against evaluation sets) and {@code bench} (a corpus
 * generator with planted duplicates and the dedup benchmark).
 *
 * <p>Every stage streams its inputs and keeps only ids, hashes, keys or signatures in memory; every stage
 * returns a report record whose counts satisfy {@code in == out + removed}, and writes atomically.
 */
package dev.quarry.dataset;
