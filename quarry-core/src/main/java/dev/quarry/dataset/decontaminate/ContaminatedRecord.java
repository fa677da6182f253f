package dev.quarry.dataset.decontaminate;

/**
 * A record dropped because it overlaps an evaluation set.
 *
 * @param id record id
 * @param input {@code file:line} where it was read
 * @param overlap share of its word n-grams found in the other side, in (0, 1]
 */
public record ContaminatedRecord(String id, String input, double overlap) {}
