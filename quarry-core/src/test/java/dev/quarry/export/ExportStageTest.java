package dev.quarry.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStageTest {
  private static final Path DATASET = Path.of("src/test/resources/golden/export/basic/input");
  private static final Path REPORTS = Path.of("src/test/resources/export/report/basic");

  private static Path build(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("dataset"));
    for (String f : List.of("train.jsonl", "validation.jsonl", "test.jsonl")) {
      Files.copy(DATASET.resolve(f), dir.resolve("dataset").resolve(f));
    }
    Files.copy(REPORTS.resolve("rejected.jsonl"), dir.resolve("rejected.jsonl"));
    return dir;
  }

  private static ObjectNode json(String name) throws Exception {
    return (ObjectNode) Json.mapper().readTree(REPORTS.resolve(name).toFile());
  }

  @Test
  void writesFormatsTrainersCardAndReportInTheBuildLayout(@TempDir Path tmp) throws Exception {
    Path b = build(tmp);
    ExportStage.Result r = ExportStage.run(QuarryConfig.defaults(), b, "acme-platform", "abc", json("validation.json"),
        json("distribution.json"));
    assertThat(b.resolve("export/openai/train.jsonl")).exists();
    assertThat(b.resolve("export/sharegpt/train.jsonl")).exists();
    assertThat(b.resolve("export/alpaca/train.jsonl")).exists();
    assertThat(b.resolve("export/axolotl/axolotl.yaml")).exists();
    assertThat(b.resolve("export/trl/train_sft.py")).exists();
    assertThat(b.resolve("export/llamafactory/dataset_info.json")).exists();
    assertThat(b.resolve("reports/report.html")).exists();
    assertThat(Files.readString(b.resolve("export/README.md"))).contains("license: other")
        .contains("path: \"openai/train.jsonl\"").contains("- `axolotl/`");
    assertThat(Files.readString(b.resolve("reports/report.html"))).contains("<title>acme-platform dataset report");
    assertThat(r.summary().get("splits").toString()).isEqualTo("{\"train\":3,\"validation\":1,\"test\":1}");
    assertThat(r.summary().get("openai_check").get("format_errors").asLong()).isZero();
  }

  @Test
  void exportsOnlyTheConfiguredFormatsPlusWhatTheTrainersRead(@TempDir Path tmp) throws Exception {
    Path b = build(tmp);
    QuarryConfig cfg = ConfigLoader.parse("quarry.yaml",
        "export: {formats: [alpaca], trainers: [llamafactory], license: apache-2.0}\n");
    ExportStage.run(cfg, b, "acme", null, null, null);
    try (Stream<Path> s = Files.list(b.resolve("export"))) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("README.md", "alpaca", "llamafactory", "sharegpt");
    }
    assertThat(Files.readString(b.resolve("export/README.md"))).contains("license: apache-2.0");
  }

  @Test
  void twoRunsAreByteIdentical(@TempDir Path tmp) throws Exception {
    Path a = build(tmp.resolve("a"));
    Path b = build(tmp.resolve("b"));
    ExportStage.run(QuarryConfig.defaults(), a, "p", null, json("validation.json"), json("distribution.json"));
    ExportStage.run(QuarryConfig.defaults(), b, "p", null, json("validation.json"), json("distribution.json"));
    assertThat(tree(b)).isEqualTo(tree(a));
  }

  private static TreeMap<String, String> tree(Path dir) throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), dev.quarry.io.Hashing.sha256(p));
      }
    }
    return out;
  }
}
