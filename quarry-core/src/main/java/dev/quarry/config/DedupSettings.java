package dev.quarry.config;

import java.util.Locale;

/**
 * How duplicates are removed when sources are combined.
 *
 * @param mode none, exact or near
 * @param threshold Jaccard similarity at or above which two examples are near duplicates, in (0, 1]
 */
public record DedupSettings(Mode mode, double threshold) {
  /** The dedup modes of {@code quarry combine --dedup}. */
  public enum Mode {
    NONE,
    EXACT,
    NEAR;

    /** The wire name, lower case. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @throws IllegalArgumentException when the threshold is out of range */
  public DedupSettings {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]");
    }
  }

  /** Exact dedup, threshold 0.8 for near. */
  public static DedupSettings defaults() {
    return new DedupSettings(Mode.EXACT, 0.8);
  }
}
