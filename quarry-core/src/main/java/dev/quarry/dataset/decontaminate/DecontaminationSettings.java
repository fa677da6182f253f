package dev.quarry.dataset.decontaminate;

/**
 * How decontamination compares records.
 *
 * @param n words per n-gram, at least 1 (13 by default, as in the usual "13-gram overlap" check)
 * @param threshold a record is dropped when at least this share of its n-grams occur on the other side, in
 *     (0, 1]; 0.2 by default, so shared boilerplate (imports, a license line) does not drop a record but a
 *     copied fifth of an evaluation item does
 */
public record DecontaminationSettings(int n, double threshold) {
  /** Checks ranges. */
  public DecontaminationSettings {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]");
    }
  }

  /** 13-word n-grams, threshold 0.2. */
  public static DecontaminationSettings defaults() {
    return new DecontaminationSettings(13, 0.2);
  }
}
