package dev.quarry.eval.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Adapter against baseline on the same prompts: wins, ties and losses, the mean score difference and its
 * paired bootstrap 95 % confidence interval (percentile method; prompts resampled with replacement, the pair
 * kept together; seeded, so the same scores give the same interval).
 *
 * @param n number of paired prompts
 * @param wins prompts where the adapter scored more than {@code tieMargin} above the baseline
 * @param ties prompts within the margin
 * @param losses prompts where it scored more than the margin below
 * @param meanDelta mean of adapter minus baseline
 * @param ciLow lower bound of the 95 % interval of the mean difference
 * @param ciHigh upper bound
 */
public record PairedComparison(int n, int wins, int ties, int losses, double meanDelta, double ciLow, double ciHigh) {
  /** Scores closer than this are a tie. */
  public static final double TIE_MARGIN = 0.02;
  /** Bootstrap resamples. */
  public static final int RESAMPLES = 2000;

  /**
   * Compares paired scores.
   *
   * @param adapter the adapter's score per prompt
   * @param baseline the baseline's score per prompt, same order and length
   * @param seed the bootstrap's seed
   */
  public static PairedComparison of(double[] adapter, double[] baseline, long seed) {
    if (adapter.length != baseline.length) {
      throw new IllegalArgumentException("unpaired scores: " + adapter.length + " vs " + baseline.length);
    }
    int n = adapter.length;
    if (n == 0) {
      return new PairedComparison(0, 0, 0, 0, 0, 0, 0);
    }
    double[] d = new double[n];
    int wins = 0;
    int losses = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = adapter[i] - baseline[i];
      sum += d[i];
      if (d[i] > TIE_MARGIN) {
        wins++;
      } else if (d[i] < -TIE_MARGIN) {
        losses++;
      }
    }
    double[] means = new double[RESAMPLES];
    SplittableRandom r = new SplittableRandom(seed);
    for (int b = 0; b < RESAMPLES; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += d[r.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    double low = means[(int) Math.floor(0.025 * (RESAMPLES - 1))];
    double high = means[(int) Math.ceil(0.975 * (RESAMPLES - 1))];
    return new PairedComparison(n, wins, n - wins - losses, losses, sum / n, low, high);
  }

  /** Whether the interval lies wholly above zero: the adapter is better beyond noise. */
  public boolean significantlyBetter() {
    return n > 0 && ciLow > 0;
  }

  /** Whether the interval lies wholly below zero. */
  public boolean significantlyWorse() {
    return n > 0 && ciHigh < 0;
  }
}
