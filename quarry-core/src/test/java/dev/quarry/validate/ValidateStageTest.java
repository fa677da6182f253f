package dev.quarry.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Json;
import dev.quarry.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateStageTest {
  @TempDir
  Path dir;

  private ValidationReport run(QuarryConfig cfg, Path in) throws IOException {
    return new ValidateStage(cfg, false, ProgressListener.NONE)
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
  }

  private List<JsonNode> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name)).stream().map(l -> {
      try {
        return Json.mapper().readTree(l);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void splitsRecordsAndCountsAddUpWithMalformedLines() throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"),
        List.of(Records.answer("Use `client.get()`."), Records.answer("Fine.").withCategory("nonsense")),
        "{not json", "{\"messages\":[]}");
    ValidationReport r = run(QuarryConfig.defaults(), in);
    assertThat(r.in()).isEqualTo(4);
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(lines("acc.jsonl")).hasSize(1);
    List<JsonNode> rej = lines("rej.jsonl");
    assertThat(rej).hasSize(3);
    assertThat(rej.get(0).path("rejection").get(0).path("rule").asText()).isEqualTo("schema");
    assertThat(rej.get(0).path("rejection").get(0).path("location").asText()).isEqualTo("category");
    assertThat(rej.get(1).path("raw").asText()).isEqualTo("{not json");
    assertThat(rej.get(1).path("rejection").get(0).path("rule").asText()).isEqualTo("json");
    assertThat(rej.get(2).path("rejection").get(0).path("rule").asText()).isEqualTo("schema");
    assertThat(r.hasFindingsAtLeast(Severity.ERROR)).isTrue();
    JsonNode json = r.toJson();
    assertThat(json.path("counts").path("in").asLong()).isEqualTo(4);
    assertThat(json.path("rules").path("json").path("errors").asLong()).isEqualTo(1);
    assertThat(json.path("rules").path("schema").path("errors").asLong()).isEqualTo(2);
    assertThat(json.path("categories").path("nonsense").path("rejected").asLong()).isEqualTo(1);
    assertThat(json.path("categories").path(ValidationReport.MALFORMED).path("in").asLong()).isEqualTo(2);
    assertThat(json.path("quality").path("valid").path("pct").decimalValue()).isEqualByComparingTo("25.0");
  }

  @Test
  void truncatedInputFailsWithoutLeavingOutputs() throws IOException {
    Path in = dir.resolve("in.jsonl");
    String good = Json.mapper().writeValueAsString(dev.quarry.io.ExampleCodec.toJson(Records.answer("ok")));
    Files.writeString(in, good + "\n{\"id\":\"q-", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> run(QuarryConfig.defaults(), in)).isInstanceOf(InputException.class)
        .hasMessageContaining("in.jsonl:2:");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("in.jsonl");
    }
  }

  @Test
  void warningsRideAlongInMetaOfAcceptedRecords() throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"), List.of(Records.answer("tab\u0007bell")));
    ValidationReport r = run(QuarryConfig.defaults(), in);
    assertThat(r.accepted()).isEqualTo(1);
    JsonNode f = lines("acc.jsonl").get(0).path("meta").path("findings").get(0);
    assertThat(f.path("rule").asText()).isEqualTo("schema");
    assertThat(f.path("severity").asText()).isEqualTo("warning");
    assertThat(f.path("location").asText()).isEqualTo("assistant:1");
    assertThat(r.hasFindingsAtLeast(Severity.ERROR)).isFalse();
    assertThat(r.hasFindingsAtLeast(Severity.WARNING)).isTrue();
  }

  @Test
  void severityOverrideTurnsErrorsIntoWarnings() throws IOException {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", "validate:\n  severity:\n    schema: warning\n");
    Path in = Records.write(dir.resolve("in.jsonl"), List.of(Records.answer("x").withCategory("nonsense")));
    ValidationReport r = run(cfg, in);
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.rule("schema").orElseThrow().warnings()).isEqualTo(1);
  }

  @Test
  void unknownRuleInSeverityIsAConfigError() {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", "validate:\n  severity:\n    shema: warning\n");
    assertThatThrownBy(() -> run(cfg, dir.resolve("none.jsonl")))
        .hasMessageStartingWith("q.yaml: validate.severity.shema names no rule (use one of schema");
  }

  @Test
  void sarifHasTheSchemaShape() throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"), List.of(Records.answer("x").withCategory("nonsense")), "[1]");
    ValidationReport r = run(QuarryConfig.defaults(), in);
    r.writeSarif(dir.resolve("r.sarif"));
    JsonNode s = Json.mapper().readTree(dir.resolve("r.sarif").toFile());
    assertThat(s.path("version").asText()).isEqualTo("2.1.0");
    assertThat(s.path("$schema").asText()).contains("sarif-2.1.0");
    JsonNode run = s.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules").findValuesAsText("id")).contains("schema", "json");
    JsonNode res = run.path("results").get(0);
    assertThat(res.path("ruleId").asText()).isEqualTo("schema");
    assertThat(res.path("level").asText()).isEqualTo("error");
    JsonNode loc = res.path("locations").get(0);
    assertThat(loc.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo("docs/x.md");
    assertThat(loc.path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(3);
    assertThat(loc.path("logicalLocations").get(0).path("fullyQualifiedName").asText()).endsWith("/category");
    JsonNode malformed = run.path("results").get(1).path("locations").get(0).path("physicalLocation");
    assertThat(malformed.path("artifactLocation").path("uri").asText()).endsWith("in.jsonl");
    assertThat(malformed.path("region").path("startLine").asInt()).isEqualTo(2);
  }
}
