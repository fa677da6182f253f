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
  void selfContainedIsAWarningByDefaultAndRejectsWhenConfiguredAsError() throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"),
        List.of(Records.answer("```python\ndef f(x: int) -> int:\n    return undefined_helper(x)\n```")));
    assertThat(run(QuarryConfig.defaults(), in).rule("self-contained").orElseThrow().warnings()).isEqualTo(1);
    QuarryConfig strict = ConfigLoader.parse("q.yaml", "validate:\n  severity:\n    self-contained: error\n");
    ValidationReport r = run(strict, in);
    assertThat(r.accepted()).isZero();
    assertThat(lines("rej.jsonl").get(0).path("rejection").toString()).contains("\"rule\":\"self-contained\"")
        .contains("undefined_helper").contains("assistant:3");
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
    r.writeSarif(dir.resolve("r.sarif"), SarifBases.of(dir.resolve("repo"), dir));
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
    assertThat(malformed.path("artifactLocation").path("uri").asText()).isEqualTo("in.jsonl");
    assertThat(malformed.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("QUARRY_INPUTS");
    assertThat(malformed.path("region").path("startLine").asInt()).isEqualTo(2);
  }

  @Test
  void fixDropsTrailersRedactsSecretsAndRevalidates() throws IOException {
    String key = "AKIA" + "QRYDEMO7EXAMPLE2";
    dev.quarry.model.Example e = Records.answer("Use it.\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    dev.quarry.model.Example s = Records.answer("key = \"" + key + "\"");
    dev.quarry.model.Example stuck = Records.answer("Claude wrote this.");
    Path in = Records.write(dir.resolve("in.jsonl"), List.of(e, s, stuck));
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), true, ProgressListener.NONE)
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.fixes()).extracting(FixedRecord::from).containsExactly(e.id(), s.id());
    List<JsonNode> acc = lines("acc.jsonl");
    assertThat(acc.get(0).path("messages").get(2).path("content").asText()).isEqualTo("Use it.");
    assertThat(acc.get(0).path("id").asText()).isNotEqualTo(e.id()).isEqualTo(r.fixes().get(0).to());
    assertThat(acc.get(0).path("meta").path("fixed_from").asText()).isEqualTo(e.id());
    assertThat(acc.get(1).path("messages").get(2).path("content").asText())
        .isEqualTo("key = \"<REDACTED:aws-access-key>\"");
    assertThat(r.toJson().path("fixes").get(1).path("changes").get(0).path("description").asText())
        .startsWith("replaced aws-access-key AKIA…[sha256:").doesNotContain(key);
    assertThat(r.hasFindingsAtLeast(Severity.ERROR)).isTrue();
  }

  @Test
  void duplicateRuleIdsNameBothClasses() {
    Rule a = new dev.quarry.validate.rules.SchemaRule();
    Rule b = new Rule() {
      @Override
      public String id() {
        return "schema";
      }

      @Override
      public Severity defaultSeverity() {
        return Severity.INFO;
      }

      @Override
      public java.util.stream.Stream<Finding> check(dev.quarry.model.Example e, RuleContext ctx) {
        return java.util.stream.Stream.empty();
      }
    };
    assertThatThrownBy(() -> Rules.checkUnique(List.of(a, b))).hasMessageContaining("\"schema\"")
        .hasMessageContaining("dev.quarry.validate.rules.SchemaRule").hasMessageContaining("ValidateStageTest");
  }

  @Test
  void attributionCannotBeLowered() {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", "validate:\n  severity:\n    attribution: warning\n");
    assertThatThrownBy(() -> run(cfg, dir.resolve("none.jsonl")))
        .hasMessageStartingWith("q.yaml: validate.severity.attribution is \"warning\" but the attribution rule is zero tolerance");
  }

  @Test
  void secretsCannotBeLoweredSoNoSecretReachesTheAcceptedFile() {
    QuarryConfig cfg = ConfigLoader.parse("q.yaml", "validate:\n  severity:\n    secrets: warning\n");
    assertThatThrownBy(() -> run(cfg, dir.resolve("none.jsonl")))
        .hasMessageStartingWith("q.yaml: validate.severity.secrets is \"warning\" but the secrets rule is zero tolerance")
        .hasMessageContaining("validate.secrets.allow");
  }

  @Test
  void reportIsDeterministicAcrossRuns() throws IOException {
    Path in = Records.write(dir.resolve("in.jsonl"), List.of(Records.answer("```python\ndef f(x):\n    return x\n```"),
        Records.answer("x").withCategory("zzz"), Records.answer("y").withCategory("aaa")));
    run(QuarryConfig.defaults(), in).writeJson(dir.resolve("a.json"));
    byte[] first = Files.readAllBytes(dir.resolve("acc.jsonl"));
    run(QuarryConfig.defaults(), in).writeJson(dir.resolve("b.json"));
    assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
    assertThat(Files.readAllBytes(dir.resolve("acc.jsonl"))).isEqualTo(first);
  }
}
