/**
 * {@code quarry balance}: applies category targets (deterministic downsampling by quality spread across
 * source files, optional bounded repetition) and writes the deficit plan a generation step consumes.
 */
package dev.quarry.dataset.balance;
