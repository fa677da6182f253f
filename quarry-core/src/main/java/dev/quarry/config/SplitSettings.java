package dev.quarry.config;

/**
 * Shares of the validation and test splits and the seed that makes the split reproducible.
 *
 * @param validation share of examples in the validation split, in [0, 1)
 * @param test share in the test split, in [0, 1); validation + test below 1
 * @param seed seed of every random choice of the split
 */
public record SplitSettings(double validation, double test, long seed) {
  /** @throws IllegalArgumentException when the shares are out of range */
  public SplitSettings {
    if (validation < 0 || test < 0 || validation + test >= 1) {
      throw new IllegalArgumentException("validation and test shares must be >= 0 and sum to less than 1");
    }
  }

  /** 0.1 / 0.1 / 42, as SPEC §3. */
  public static SplitSettings defaults() {
    return new SplitSettings(0.1, 0.1, 42);
  }
}
