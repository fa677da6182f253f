package dev.quarry.validate;

/**
 * Counts of one category in a run.
 *
 * @param in records read
 * @param accepted records written to the accepted file
 * @param rejected records written to the rejects file
 */
public record CategoryStats(long in, long accepted, long rejected) {
  /** No records. */
  public static CategoryStats empty() {
    return new CategoryStats(0, 0, 0);
  }

  /** These counts plus one record, accepted or not. */
  public CategoryStats plus(boolean wasAccepted) {
    return new CategoryStats(in + 1, accepted + (wasAccepted ? 1 : 0), rejected + (wasAccepted ? 0 : 1));
  }
}
