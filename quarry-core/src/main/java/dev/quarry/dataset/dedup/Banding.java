package dev.quarry.dataset.dedup;

/**
 * LSH banding of a MinHash signature: {@code bands} bands of {@code rows} rows each. Two records become
 * candidates when all rows of at least one band agree, which happens with probability
 * {@code 1 - (1 - s^rows)^bands} at Jaccard similarity {@code s}.
 *
 * @param bands number of bands
 * @param rows rows per band
 */
public record Banding(int bands, int rows) {
  /** The recall at the threshold that {@link #forThreshold} guarantees. */
  public static final double MIN_RECALL_AT_THRESHOLD = 0.995;

  /** Checks both are positive. */
  public Banding {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be >= 1");
    }
  }

  /**
   * The banding with the most rows per band (fewest false candidates, so fewest verifications) whose
   * probability of making a pair at exactly {@code threshold} a candidate is at least
   * {@link #MIN_RECALL_AT_THRESHOLD}, using at most {@code numPerm} rows in total. For 0.8 and 128: 21 x 6.
   */
  public static Banding forThreshold(double threshold, int numPerm) {
    Banding best = new Banding(numPerm, 1);
    for (int r = 1; r <= numPerm; r++) {
      Banding b = new Banding(numPerm / r, r);
      if (b.candidateProbability(threshold) >= MIN_RECALL_AT_THRESHOLD) {
        best = b;
      }
    }
    return best;
  }

  /** Probability that a pair at similarity {@code s} shares at least one band. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }
}
