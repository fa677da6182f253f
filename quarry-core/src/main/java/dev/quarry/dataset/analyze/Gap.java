package dev.quarry.dataset.analyze;

/**
 * A category's distance to its configured target.
 *
 * @param category category name
 * @param target configured target (greater than 0), or 0 for {@code uncategorized}: imported records to
 *     categorise
 * @param have examples present
 * @param missing {@code max(0, target - have)}
 * @param surplus {@code max(0, have - target)}
 */
public record Gap(String category, long target, long have, long missing, long surplus) {
  /** The gap of a category with {@code have} examples toward {@code target}. */
  public static Gap of(String category, long target, long have) {
    return new Gap(category, target, have, Math.max(0, target - have), Math.max(0, have - target));
  }
}
