package dev.quarry.dataset;

import static dev.quarry.dataset.TestRecords.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import org.junit.jupiter.api.Test;

class QualityScoreTest {
  @Test
  void fewerWarningsBeatsTestsAndLength() {
    Example withTests = example("q", "def test_x():\n    assert f() == 1\n" + "x".repeat(500), "sdk", "a.py");
    ObjectNode meta = withTests.metaCopy();
    meta.putArray("findings").addObject().put("rule", "require-type-hints").put("severity", "warning");
    Example warned = withTests.withMeta(meta);
    Example clean = example("q", "short", "sdk", "a.py");

    assertThat(QualityScore.of(clean)).isGreaterThan(QualityScore.of(warned));
  }

  @Test
  void testsBeatLengthAndLongerBeatsShorter() {
    assertThat(QualityScore.of(example("q", "assert f()", "sdk", "a.py")))
        .isGreaterThan(QualityScore.of(example("q", "x".repeat(2000), "sdk", "a.py")));
    assertThat(QualityScore.of(example("q", "longer answer", "sdk", "a.py")))
        .isGreaterThan(QualityScore.of(example("q", "short", "sdk", "a.py")));
  }

  @Test
  void errorFindingsWeighMoreThanWarnings() {
    assertThat(QualityScore.pack(0, 200, false, false, 1)).isGreaterThan(QualityScore.pack(1, 0, true, true, 10_000));
  }
}
