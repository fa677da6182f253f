package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo platform plants problems on purpose (its README lists them). A build must reject a record for each
 * of them, with the right rule, and must reject nothing else.
 */
class DemoPlantedProblemsTest {
  static final Path DEMO = Path.of("../examples/acme-platform");

  /** Planted file → the rules that must reject a record mined from it. */
  static final Map<String, List<String>> PLANTED = new TreeMap<>(Map.of(
      "backend/app/agents/delegation.py", List.of("attribution"),
      "training/handcrafted/planted-attribution.md", List.of("attribution"),
      "backend/app/settings.py", List.of("secrets"),
      "training/handcrafted/planted-secret.md", List.of("secrets"),
      "training/handcrafted/planted-syntax-error.md", List.of("syntax"),
      "backend/app/gateway_keys.py", List.of("secrets")));

  /**
   * Text that only planted content carries. Other extractors may quote a planted file (a test example shows
   * the class under test, docstring and all), so a record holding one of these is planted too. Rejected
   * records have their secrets redacted, so the redaction placeholder stands for a planted secret.
   */
  static final List<String> PLANTED_TEXT = List.of("Co-Authored-By: Claude", "Generated with Claude", "<REDACTED:",
      "def bucket_report");

  @TempDir
  static Path tmp;

  static List<JsonNode> rejected = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    Path out = tmp.resolve("out");
    new BuildPipeline(ProgressListener.NONE).run(DEMO, null, out);
    for (String line : Files.readAllLines(out.resolve("rejected.jsonl"))) {
      rejected.add(Json.mapper().readTree(line));
    }
  }

  @Test
  void everyPlantedProblemIsRejectedByItsRule() {
    for (Map.Entry<String, List<String>> p : PLANTED.entrySet()) {
      TreeSet<String> rules = new TreeSet<>();
      rejected.stream().filter(r -> r.path("source").path("path").asText().equals(p.getKey()))
          .forEach(r -> r.get("rejection").forEach(x -> rules.add(x.get("rule").asText())));
      assertThat(rules).as("rules rejecting records of " + p.getKey()).containsAll(p.getValue());
    }
  }

  @Test
  void nothingCleanIsRejected() {
    for (JsonNode r : rejected) {
      String text = r.get("messages").toString();
      if (PLANTED_TEXT.stream().anyMatch(text::contains)) {
        continue;
      }
      assertThat(PLANTED).as("rejected record " + r.path("id").asText() + " from " + r.path("source").path("path")
          + " for " + r.get("rejection")).containsKey(r.path("source").path("path").asText());
    }
  }

  @Test
  void noPlantedSecretIsWrittenInClearToAnyOutput() throws IOException {
    Path out = tmp.resolve("out");
    // The history bundle's planted key is split so that no file of Quarry holds it whole.
    List<String> secrets = List.of("AKIAQRYDEMO7EXAMPLE2", "S3cretPassw0rd", "ghp_QuarryDemo0Fake0Token0Not0Real0000ab",
        "AKIA" + "Q7LZ4XW2M6RTB3PD");
    try (var files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().endsWith(".parquet")) {
          continue;
        }
        String text = Files.readString(f);
        for (String s : secrets) {
          assertThat(text).as(out.relativize(f) + " must not contain a planted secret in clear").doesNotContain(s);
        }
        // The history bundle's planted trailers are removed at extraction, so no output quotes them at all.
        assertThat(text).as(out.relativize(f) + " must not contain the history's planted trailer")
            .doesNotContain("GitHub Copilot <copilot@github.com>").doesNotContain("Generated with Cursor");
      }
    }
  }
}
