package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir
  Path dir;

  static String record(String assistant) throws Exception {
    Example e = Example.of(List.of(Message.user("Write it."), Message.assistant(assistant)), "api-client", "text",
        new Source("handcrafted", "acme", "docs/a.md", null, null, null));
    return Json.mapper().writeValueAsString(ExampleCodec.toJson(e));
  }

  @Test
  void truncatedInputExitsThreeNamingFileAndLine() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, record("fine") + "\n{\"id\":", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("validate", in.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("quarry: " + in + ":2: file ends inside a record (truncated?) (re-create the file; "
        + "an interrupted copy or download leaves a partial last line)\n");
    assertThat(Files.exists(dir.resolve("in.accepted.jsonl"))).isFalse();
    assertThat(Files.exists(dir.resolve("in.rejected.jsonl"))).isFalse();
    assertThat(Files.exists(dir.resolve("in.validation.json"))).isFalse();
  }

  @Test
  void oneBadRecordLandsInRejectsAndCountsAddUp() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, record("fine") + "\n" + record("also fine") + "\n{\"messages\":\"oops\"}\n",
        StandardCharsets.UTF_8);
    CliRun r = CliRun.of("validate", in.toString(), "--json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("in.accepted.jsonl"))).hasSize(2);
    List<String> rej = Files.readAllLines(dir.resolve("in.rejected.jsonl"));
    assertThat(rej).hasSize(1);
    assertThat(Json.mapper().readTree(rej.get(0)).path("rejection").get(0).path("rule").asText()).isEqualTo("schema");
    JsonNode summary = Json.mapper().readTree(r.out());
    assertThat(summary.path("counts").path("in").asLong()).isEqualTo(3);
    assertThat(summary.path("counts").path("accepted").asLong()).isEqualTo(2);
    assertThat(summary.path("counts").path("rejected").asLong()).isEqualTo(1);
    JsonNode report = Json.mapper().readTree(dir.resolve("in.validation.json").toFile());
    assertThat(report.path("counts")).isEqualTo(summary.path("counts"));
  }

  @Test
  void failOnNeverExitsZeroDespiteErrors() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "[]\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("validate", in.toString(), "--fail-on", "never", "-q");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void badFailOnIsAUsageError() throws Exception {
    CliRun r = CliRun.of("validate", "x.jsonl", "--fail-on", "sometimes");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: --fail-on \"sometimes\" is not valid (use error, warning or never)\n");
  }

  @Test
  void listRulesPrintsEveryRuleWithItsSeverity() {
    CliRun r = CliRun.of("validate", "--list-rules");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("schema").contains("error");
  }
}
