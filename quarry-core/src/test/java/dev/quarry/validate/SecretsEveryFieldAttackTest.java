package dev.quarry.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.validate.rules.SecretsAttackCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every template of the secrets attack corpus, with values generated fresh from the seeded RNG, planted in every
 * field of a record (system, user and assistant messages, tags, a meta value, a meta key, source.symbol, an
 * unknown field, a key of an unknown field) and validated with and without {@code --fix}: every record is
 * rejected (or, with --fix, repaired), and no generated value is in clear in any output (accepted, rejected,
 * report).
 */
class SecretsEveryFieldAttackTest {
  static final List<String> FIELDS = List.of("system", "user", "assistant", "tag", "meta", "meta-key", "symbol",
      "extra", "extra-key");

  @TempDir
  Path dir;

  /** A clean record with {@code text} planted in {@code field}. */
  static ObjectNode plant(String field, String text) {
    boolean message = field.equals("system") || field.equals("user") || field.equals("assistant");
    ObjectNode o = ExampleCodec.toJson(Records.of(field.equals("user") ? "Configure it:\n\n" + text : "Write it.",
        field.equals("assistant") ? "Here:\n\n```\n" + text + "\n```" : "def f() -> int:\n    return 1\n"));
    if (field.equals("system")) {
      ((ObjectNode) o.withArray("messages").get(0)).put("content", "You help with this setup:\n" + text);
    }
    if (message) {
      return o;
    }
    switch (field) {
      case "tag" -> o.putArray("tags").add("python").add(text);
      case "meta" -> o.putObject("meta").putObject("origin").putArray("notes").add(text);
      case "meta-key" -> o.putObject("meta").put(text, "x");
      case "symbol" -> ((ObjectNode) o.get("source")).put("symbol", text);
      case "extra" -> o.put("comment", text);
      default -> o.putObject("debug").put(text, 1);
    }
    return o;
  }

  @ParameterizedTest
  @CsvSource({"false,0", "true,0", "false,1", "true,1", "false,2", "true,2"})
  void everyFamilyInEveryFieldIsCaughtAndNeverInClear(boolean fix, int run) throws Exception {
    List<SecretsAttackCorpus.Planted> planted =
        SecretsAttackCorpus.generate(new Random(SecretsAttackCorpus.seed() + 16 + run));
    List<String> lines = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (SecretsAttackCorpus.Planted p : planted) {
      for (String field : FIELDS) {
        ObjectNode o = plant(field, p.text());
        o.put("case_no", labels.size());
        lines.add(Json.mapper().writeValueAsString(o));
        labels.add(p.family() + " " + p.path() + " in " + field);
      }
    }
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), fix, ProgressListener.NONE)
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    Files.writeString(dir.resolve("report.json"), Json.mapper().writeValueAsString(r), StandardCharsets.UTF_8);

    TreeSet<String> missed = new TreeSet<>();
    if (!fix) {
      List<String> accepted = Files.readAllLines(dir.resolve("acc.jsonl"), StandardCharsets.UTF_8);
      for (String a : accepted) {
        missed.add("accepted: " + labels.get(Json.mapper().readTree(a).path("case_no").asInt()));
      }
    }
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> !f.equals(in)).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (SecretsAttackCorpus.Planted p : planted) {
          for (String v : p.checked()) {
            if (text.contains(v) || text.contains(Json.mapper().writeValueAsString(v).replaceAll("^\"|\"$", ""))) {
              leaks.add(f.getFileName() + ": " + p.family() + " " + p.path() + " value " + v.substring(0, 4) + "…");
            }
          }
        }
      }
    }
    assertThat(missed).as("records accepted with a planted secret").isEmpty();
    assertThat(new TreeSet<>(leaks)).as("values in clear").isEmpty();
    assertThat(lines).hasSize(planted.size() * FIELDS.size());
  }
}
