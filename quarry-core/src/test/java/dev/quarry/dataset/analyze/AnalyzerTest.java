package dev.quarry.dataset.analyze;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
  @TempDir
  Path dir;

  @Test
  void countsSharesTokensQualityAndGapsOfOneFile() throws Exception {
    Example tested = example("Write f", "def f():\n    try:\n        pass\n    except ValueError:\n        raise\n"
        + "def test_f():\n    assert f() is None\n", "sdk", "a.py");
    Example plain = example("Write g", "print(1)", "sdk", "b.py");
    Example other = example("Write h", "SELECT 1", "database", "c.sql");
    Path in = write(dir.resolve("all.jsonl"), List.of(tested, plain, other));

    QuarryConfig sdkTarget = dev.quarry.config.ConfigLoader.parse("quarry.yaml", "categories:\n  sdk: {target: 35}\n");
    AnalysisReport r = new Analyzer(sdkTarget, ProgressListener.NONE).run(List.of(in));

    assertThat(r.in()).isEqualTo(3).isEqualTo(r.out());
    assertThat(r.categories()).containsExactly(java.util.Map.entry("sdk", 2L), java.util.Map.entry("database", 1L));
    assertThat(r.extractors()).containsEntry("functions", 3L);
    assertThat(r.splits()).isEmpty();
    assertThat(r.quality().get("sdk")).isEqualTo(new QualityRow(2, 1, 1, 0, 0, 0, 0));
    TokenStats user = r.tokens().get("user");
    assertThat(user.count()).isEqualTo(3);
    assertThat(user.min()).isGreaterThan(0).isLessThanOrEqualTo(user.p50());
    assertThat(r.tokens().get("example").max()).isGreaterThan(r.tokens().get("assistant").max());
    Gap sdk = r.gaps().stream().filter(g -> g.category().equals("sdk")).findFirst().orElseThrow();
    assertThat(sdk.have()).isEqualTo(2);
    assertThat(sdk.target()).isEqualTo(35);
    assertThat(sdk.missing()).isEqualTo(sdk.target() - 2);
    ObjectNode json = r.toJson();
    assertThat(json.at("/categories/sdk/share").asDouble()).isEqualTo(0.6667);
    assertThat(json.at("/tokens/assistant/p99").isInt()).isTrue();
    assertThat(json.at("/quality/sdk/tests_share").asDouble()).isEqualTo(0.5);
  }

  @Test
  void reportsPerSplitCountsWhenGivenSeveralFiles() throws Exception {
    Path train = write(dir.resolve("train.jsonl"), List.of(example("a", "b", "sdk", "a.py"),
        example("c", "d", "testing", "b.py")));
    Path test = write(dir.resolve("test.jsonl"), List.of(example("e", "f", "sdk", "c.py")));

    AnalysisReport r = new Analyzer(QuarryConfig.defaults(), ProgressListener.NONE).run(List.of(train, test));

    assertThat(r.splits()).containsOnlyKeys("train", "test");
    assertThat(r.splits().get("train")).containsEntry("sdk", 1L).containsEntry("testing", 1L);
    assertThat(r.toJson().at("/splits/test/total").asLong()).isEqualTo(1);
  }

  @Test
  void specialTokenTextIsCountedAsPlainText() throws Exception {
    Path in = write(dir.resolve("in.jsonl"), List.of(example("What is <|endoftext|>?", "A marker.", "sdk", "a.py")));

    AnalysisReport r = new Analyzer(QuarryConfig.defaults(), ProgressListener.NONE).run(List.of(in));

    assertThat(r.tokens().get("user").max()).isGreaterThan(3);
  }

  @Test
  void qualityComesFromFindingsWhenRecordsCarryThem() throws Exception {
    Example e = example("q", "def test_x():\n    assert True", "sdk", "a.py");
    ObjectNode meta = e.metaCopy();
    meta.putArray("findings").addObject().put("rule", "require-tests").put("severity", "warning");
    Path in = write(dir.resolve("in.jsonl"), List.of(e.withMeta(meta)));

    AnalysisReport r = new Analyzer(QuarryConfig.defaults(), ProgressListener.NONE).run(List.of(in));

    assertThat(r.quality().get("sdk")).isEqualTo(new QualityRow(1, 0, 1, 1, 0, 1, 1));
  }

  @Test
  void histogramPercentilesAreNearestRank() {
    TokenHistogram h = new TokenHistogram();
    for (int i = 1; i <= 100; i++) {
      h.add(i);
    }
    h.add(100_000);
    TokenStats s = h.stats();
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.p50()).isEqualTo(51);
    assertThat(s.p90()).isEqualTo(91);
    assertThat(s.p99()).isEqualTo(100);
    assertThat(s.max()).isEqualTo(100_000);
  }
}
