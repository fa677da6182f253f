package dev.quarry.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {
  @Test
  void countsWinsTiesAndLossesWithTheTieMargin() {
    PairedComparison c = PairedComparison.of(new double[] {0.9, 0.5, 0.2, 0.51}, new double[] {0.5, 0.5, 0.6, 0.5}, 1);
    assertThat(c.wins()).isEqualTo(1);
    assertThat(c.ties()).isEqualTo(2);
    assertThat(c.losses()).isEqualTo(1);
    assertThat(c.meanDelta()).isCloseTo(0.0025, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aConsistentImprovementHasAnIntervalAboveZeroAndTheSameSeedGivesTheSameInterval() {
    double[] a = new double[40];
    double[] b = new double[40];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.6 + (i % 5) * 0.05;
      b[i] = 0.4 + (i % 7) * 0.03;
    }
    PairedComparison c = PairedComparison.of(a, b, 42);
    assertThat(c.significantlyBetter()).isTrue();
    assertThat(c.ciLow()).isLessThan(c.meanDelta());
    assertThat(c.ciHigh()).isGreaterThan(c.meanDelta());
    assertThat(PairedComparison.of(a, b, 42)).isEqualTo(c);
  }

  @Test
  void identicalScoresAreAllTiesWithAZeroInterval() {
    PairedComparison c = PairedComparison.of(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}, 3);
    assertThat(c.ties()).isEqualTo(2);
    assertThat(c.ciLow()).isZero();
    assertThat(c.ciHigh()).isZero();
    assertThat(c.significantlyBetter()).isFalse();
    assertThat(c.significantlyWorse()).isFalse();
  }
}
