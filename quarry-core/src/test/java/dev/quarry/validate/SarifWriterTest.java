package dev.quarry.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF log as SARIF 2.1.0 (OASIS Standard, 27 March 2020) and GitHub code scanning read it: §3.14.14
 * {@code run.originalUriBaseIds} declares every {@code uriBaseId} used, a base's {@code uri} ends with a slash;
 * §3.4.3 artifact URIs with a base are relative references; §3.27.17 {@code partialFingerprints} identify a result
 * across runs (GitHub merges results sharing one); §3.49.3–3.49.13 rules carry {@code shortDescription},
 * {@code fullDescription} and {@code help} ({@code text} required, {@code markdown} optional).
 */
class SarifWriterTest {
  private static final String NINE_UNTYPED = "```python\ndef move(a, b, c, d, e, f, g, h, i):\n    return a\n```";

  @TempDir
  Path dir;

  private JsonNode sarif(Path repo, Path inputs, String... answers) throws IOException {
    Files.createDirectories(inputs);
    List<dev.quarry.model.Example> records = new ArrayList<>();
    for (String a : answers) {
      records.add(Records.answer(a));
    }
    Path in = Records.write(inputs.resolve("in.jsonl"), records);
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), false, ProgressListener.NONE)
        .run(List.of(in), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    Path out = dir.resolve("r-" + System.nanoTime() + ".sarif");
    r.writeSarif(out, SarifBases.of(repo, inputs));
    return Json.mapper().readTree(out.toFile());
  }

  private static List<JsonNode> results(JsonNode sarif) {
    List<JsonNode> out = new ArrayList<>();
    sarif.path("runs").get(0).path("results").forEach(out::add);
    return out;
  }

  @Test
  void nineDifferentFindingsOfOneRecordGetNineDifferentFingerprints() throws IOException {
    JsonNode s = sarif(dir.resolve("repo"), dir.resolve("repo/out"), NINE_UNTYPED);
    List<JsonNode> typeHints = results(s).stream().filter(r -> r.path("ruleId").asText().equals("type-hints")).toList();
    assertThat(typeHints).hasSizeGreaterThanOrEqualTo(9);
    Set<String> prints = new TreeSet<>();
    typeHints.forEach(r -> prints.add(r.path("partialFingerprints").path("quarryFinding/v1").asText()));
    assertThat(prints).hasSameSizeAs(typeHints).allSatisfy(p -> assertThat(p).matches("[0-9a-f]{32}"));
  }

  @Test
  void oneSourceMinedIntoTwoFilesGivesTwoFingerprints() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("repo/out/extracted"));
    Path a = Records.write(inputs.resolve("routes.jsonl"), List.of(Records.answer(NINE_UNTYPED)));
    Path b = Records.write(inputs.resolve("functions.jsonl"), List.of(Records.answer(NINE_UNTYPED + "\n")));
    ValidationReport r = new ValidateStage(QuarryConfig.defaults(), false, ProgressListener.NONE)
        .run(List.of(a, b), dir.resolve("acc.jsonl"), dir.resolve("rej.jsonl"));
    r.writeSarif(dir.resolve("two.sarif"), new SarifBases(dir.resolve("repo"), dir.resolve("repo/out"),
        dir.resolve("repo/out")));
    List<JsonNode> all = results(Json.mapper().readTree(dir.resolve("two.sarif").toFile()));
    Set<String> prints = new TreeSet<>();
    all.forEach(x -> prints.add(x.path("partialFingerprints").path("quarryFinding/v1").asText()));
    assertThat(prints).hasSameSizeAs(all);
  }

  @Test
  void theSameFindingKeepsItsFingerprintFromRunToRun() throws IOException {
    List<String> first = results(sarif(dir.resolve("repo"), dir.resolve("repo/out"), NINE_UNTYPED)).stream()
        .map(r -> r.path("partialFingerprints").toString()).toList();
    List<String> second = results(sarif(dir.resolve("repo"), dir.resolve("repo/out"), NINE_UNTYPED)).stream()
        .map(r -> r.path("partialFingerprints").toString()).toList();
    assertThat(second).isEqualTo(first).isNotEmpty();
  }

  @Test
  void locationsAreRelativeToTheRepositoryRootThroughDeclaredBaseIds() throws IOException {
    JsonNode s = sarif(dir.resolve("repo"), dir.resolve("repo/out"), NINE_UNTYPED);
    JsonNode bases = s.path("runs").get(0).path("originalUriBaseIds");
    assertThat(bases.path("%SRCROOT%").has("uri")).as("no absolute checkout path is written").isFalse();
    assertThat(bases.path("QUARRY_INPUTS").path("uri").asText()).isEqualTo("out/");
    assertThat(bases.path("QUARRY_INPUTS").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    JsonNode r = results(s).get(0);
    JsonNode primary = r.path("locations").get(0).path("physicalLocation").path("artifactLocation");
    assertThat(primary.path("uri").asText()).isEqualTo("docs/x.md");
    assertThat(primary.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    JsonNode related = r.path("relatedLocations").get(0);
    assertThat(related.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo("in.jsonl");
    assertThat(related.path("physicalLocation").path("artifactLocation").path("uriBaseId").asText())
        .isEqualTo("QUARRY_INPUTS");
    assertThat(related.path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(1);
    assertThat(related.path("message").path("text").asText()).isNotBlank();
  }

  @Test
  void inputsOutsideTheRepositoryGetABaseWithoutAnAbsolutePath() throws IOException {
    JsonNode s = sarif(dir.resolve("repo"), dir.resolve("elsewhere"), NINE_UNTYPED);
    JsonNode inputs = s.path("runs").get(0).path("originalUriBaseIds").path("QUARRY_INPUTS");
    assertThat(inputs.has("uri")).isFalse();
    assertThat(inputs.path("description").path("text").asText()).isNotBlank();
    assertThat(s.toString()).doesNotContain(dir.toString());
  }

  @Test
  void everyUsedBaseIdIsDeclaredAndEveryUriWithABaseIsARelativeReference() throws IOException {
    JsonNode s = sarif(dir.resolve("repo"), dir.resolve("repo/out"), NINE_UNTYPED, "Claude wrote this.");
    JsonNode bases = s.path("runs").get(0).path("originalUriBaseIds");
    bases.fields().forEachRemaining(b -> {
      if (b.getValue().has("uri")) {
        assertThat(b.getValue().path("uri").asText()).endsWith("/");
      }
    });
    List<JsonNode> locations = new ArrayList<>();
    results(s).forEach(r -> {
      r.path("locations").forEach(l -> locations.add(l.path("physicalLocation")));
      r.path("relatedLocations").forEach(l -> locations.add(l.path("physicalLocation")));
    });
    assertThat(locations).isNotEmpty().allSatisfy(p -> {
      JsonNode a = p.path("artifactLocation");
      assertThat(bases.has(a.path("uriBaseId").asText())).as("declared base %s", a).isTrue();
      assertThat(a.path("uri").asText()).doesNotStartWith("/").doesNotContain("://").doesNotContain(" ");
      assertThat(p.path("region").path("endLine").asInt()).isGreaterThanOrEqualTo(p.path("region").path("startLine").asInt());
    });
  }

  @Test
  void everyRuleHasShortAndFullDescriptionAndHelpText() throws IOException {
    JsonNode rules = sarif(dir.resolve("repo"), dir.resolve("repo/out"), "Fine.")
        .path("runs").get(0).path("tool").path("driver").path("rules");
    assertThat(rules).hasSizeGreaterThanOrEqualTo(11);
    rules.forEach(r -> {
      assertThat(r.path("shortDescription").path("text").asText()).as(r.path("id").asText()).isNotBlank();
      assertThat(r.path("fullDescription").path("text").asText()).as(r.path("id").asText())
          .isNotBlank().isNotEqualTo(r.path("shortDescription").path("text").asText());
      assertThat(r.path("help").path("text").asText()).as(r.path("id").asText()).contains("How to fix");
      assertThat(r.path("help").path("markdown").asText()).as(r.path("id").asText()).contains("**How to fix.**");
    });
  }
}
