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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A secret planted in tags, meta (values and keys), source.symbol or an unknown field is caught and never leaked. */
class ValidateSecretsEveryFieldTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void secretInAnyFieldRejectsAndNeverAppearsInClear(boolean fix) throws Exception {
    Random rng = new Random(SecretsAttackCorpus.seed());
    List<String> secrets = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String field : List.of("tag", "meta", "meta-key", "symbol", "extra", "extra-nested")) {
      String s = "ghp_" + SecretsAttackCorpus.value("alnum", 36, rng);
      secrets.add(s);
      ObjectNode o = ExampleCodec.toJson(Records.answer("def f():\n    return 1\n"));
      switch (field) {
        case "tag" -> o.putArray("tags").add("python").add(s);
        case "meta" -> o.putObject("meta").putObject("origin").putArray("notes").add("token " + s);
        case "meta-key" -> o.putObject("meta").put(s, "x");
        case "symbol" -> ((ObjectNode) o.get("source")).put("symbol", "login(" + s + ")");
        case "extra" -> o.put("comment", "use " + s);
        default -> o.putObject("debug").putArray("headers").add("Authorization: token " + s);
      }
      lines.add(Json.mapper().writeValueAsString(o));
    }
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), fix, ProgressListener.NONE)
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    String accepted = Files.readString(dir.resolve("acc.jsonl"));
    String rejected = Files.readString(dir.resolve("rej.jsonl"));
    if (!fix) {
      assertThat(accepted).isEmpty();
      assertThat(rejected.lines().count()).isEqualTo(6);
    } else {
      assertThat(accepted.lines().count() + rejected.lines().count()).isEqualTo(6);
    }
    assertThat(accepted + rejected).contains("<REDACTED:github-token>");
    for (String s : secrets) {
      assertThat(accepted).doesNotContain(s);
      assertThat(rejected).doesNotContain(s);
      assertThat(Json.mapper().writeValueAsString(r)).doesNotContain(s);
    }
  }
}
