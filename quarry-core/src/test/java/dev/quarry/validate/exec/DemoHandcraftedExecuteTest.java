package dev.quarry.validate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.ExtractRun;
import dev.quarry.extract.handcrafted.HandcraftedExtractor;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.validate.Records;
import dev.quarry.validate.ValidateStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's hand-written examples under the execute rule: the planted wrong answer
 * ({@code planted-failing-test.md}, an off-by-one its own test exposes) passes every static rule and fails only
 * when executed; a correct hand-written answer passes, and no other hand-written answer fails. Only the
 * handcrafted records are validated, not the whole demo.
 */
class DemoHandcraftedExecuteTest {
  private static final Path DEMO = Path.of("../examples/acme-platform").toAbsolutePath().normalize();
  private static final String PLANTED = "training/handcrafted/planted-failing-test.md";
  private static final String CORRECT = "training/handcrafted/api-endpoints-page-count.md";

  @TempDir
  Path dir;

  /** A copy of {@code from} in a fresh folder under the system temp folder that every user may read. */
  private static Path readableCopy(Path from) throws IOException {
    Path to = Files.createTempDirectory("quarry-exec-demo-");
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (java.util.stream.Stream<Path> all = Files.walk(to)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return to;
  }

  /** Validates the demo's handcrafted records with {@code validate} appended to the demo's configuration. */
  private Map<String, JsonNode> validate(String validate) throws IOException {
    // The sandbox user must reach the repository: a copy in a world-readable folder, not the checkout (which
    // may sit in a private folder, or under /tmp, which the sandbox replaces).
    Path repo = readableCopy(DEMO);
    String yaml = Files.readString(DEMO.resolve("quarry.yaml")) + validate;
    QuarryConfig cfg = ConfigLoader.parse("quarry.yaml", yaml);
    List<Example> handcrafted = ExtractRun.of(new HandcraftedExtractor(), repo, yaml).examples();
    Path in = Records.write(dir.resolve("in.jsonl"), handcrafted);
    new ValidateStage(cfg, false, ProgressListener.NONE).withExecution(repo, dir.resolve("cache"), Set.of())
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    Map<String, JsonNode> byPath = new TreeMap<>();
    for (String f : List.of("acc.jsonl", "rej.jsonl")) {
      for (String line : Files.readAllLines(dir.resolve(f))) {
        JsonNode n = Json.mapper().readTree(line);
        ((ObjectNode) n).put("_file", f);
        byPath.put(n.path("source").path("path").asText(), n);
      }
    }
    return byPath;
  }

  @Test
  void thePlantedWrongAnswerPassesEveryStaticRule() throws IOException {
    Map<String, JsonNode> r = validate("");
    assertThat(r.get(PLANTED).path("_file").asText()).as("without execute the planted answer is in the dataset")
        .isEqualTo("acc.jsonl");
    assertThat(r.get(PLANTED).path("meta").path("execution").isMissingNode()).isTrue();
  }

  @Test
  void executeFailsThePlantedWrongAnswerWithItsAssertionAndPassesACorrectOne() throws IOException {
    Sandbox s = Sandbox.probe(SandboxLimits.defaults());
    assumeTrue(s.unavailable().isEmpty(), () -> "no sandbox here: " + s.unavailable().orElse(""));
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
    assumeTrue(pytestInstalled(), "needs pytest for /usr/bin/python3 (Debian: python3-pytest)");
    Map<String, JsonNode> r = validate("validate:\n  execute:\n    enabled: true\n");

    JsonNode planted = r.get(PLANTED);
    assertThat(planted.path("meta").path("execution").path("status").asText()).isEqualTo("failed");
    assertThat(planted.path("meta").path("execution").path("reason").asText())
        .contains("test_batching.py::test_the_last_batch_holds_the_remainder").contains("assert [[1");
    assertThat(planted.path("_file").asText()).isEqualTo("rej.jsonl");
    assertThat(planted.path("rejection").findValuesAsText("rule")).contains("execute");
    JsonNode correct = r.get(CORRECT);
    assertThat(correct.path("meta").path("execution").path("status").asText()).isEqualTo("passed");
    assertThat(correct.path("_file").asText()).isEqualTo("acc.jsonl");
    assertThat(r.entrySet()).as("hand-written examples that execute fails, errors or times out")
        .filteredOn(x -> List.of("failed", "error", "timeout")
            .contains(x.getValue().path("meta").path("execution").path("status").asText()))
        .extracting(Map.Entry::getKey).containsExactly(PLANTED);
  }

  private static boolean pytestInstalled() {
    try {
      Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import pytest").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
