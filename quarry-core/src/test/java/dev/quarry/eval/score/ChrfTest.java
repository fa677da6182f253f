package dev.quarry.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChrfTest {
  @Test
  void identicalCodeScoresOneAndLayoutDoesNotCount() {
    String ref = "```python\ndef add(a, b):\n    return a + b\n```";
    String hyp = "Here:\n```python\ndef add( a,b ):\n        return a+b\n```";
    assertThat(Chrf.score(ref, ref)).isEqualTo(1.0);
    assertThat(Chrf.score(hyp, ref)).isEqualTo(1.0);
  }

  @Test
  void unrelatedCodeScoresLowAndCloseCodeScoresHigh() {
    String ref = "def add_numbers(a, b):\n    return a + b\n";
    double close = Chrf.score("def add_number(a, b):\n    return a + b\n", ref);
    double far = Chrf.score("SELECT * FROM users WHERE x = 1;", ref);
    assertThat(close).isGreaterThan(0.8);
    assertThat(far).isLessThan(0.3);
    assertThat(Chrf.score("", ref)).isZero();
  }

  @Test
  void recallWeighsMoreThanPrecision() {
    String ref = "alpha beta gamma delta";
    assertThat(Chrf.score("alpha beta gamma delta epsilon zeta", ref))
        .isGreaterThan(Chrf.score("alpha beta", ref));
    assertThat(Chrf.score("ab", "ab")).isCloseTo(1.0, within(1e-12));
  }
}
