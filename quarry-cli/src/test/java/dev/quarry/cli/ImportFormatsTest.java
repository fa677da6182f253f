package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: OpenAI, ShareGPT and Alpaca records are read by every verb and converted without loss. */
class ImportFormatsTest {
  @TempDir
  Path dir;

  private static Path fixture(String name) throws Exception {
    return Path.of(ImportFormatsTest.class.getResource("/imports/" + name).toURI());
  }

  private static List<JsonNode> records(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) {
        out.add(Json.mapper().readTree(l));
      }
    }
    return out;
  }

  @Test
  void importKeepsEveryOriginalRecordVerbatimUnderMetaOriginal() throws Exception {
    Path out = dir.resolve("all.jsonl");
    CliRun r = CliRun.of("import", fixture("chat.jsonl").toString(), fixture("sharegpt.jsonl").toString(),
        fixture("alpaca.jsonl").toString(), "-o", out.toString(), "--json");

    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> originals = new ArrayList<>();
    for (String f : List.of("chat.jsonl", "sharegpt.jsonl", "alpaca.jsonl")) {
      originals.addAll(records(fixture(f)));
    }
    List<JsonNode> converted = records(out);
    assertThat(converted).hasSize(originals.size());
    for (int i = 0; i < converted.size(); i++) {
      assertThat(converted.get(i).path("meta").path("original")).isEqualTo(originals.get(i));
    }
    assertThat(r.out()).contains("\"alpaca\" : 2").contains("\"openai\" : 2").contains("\"sharegpt\" : 2");
  }

  @Test
  void aForeignIdMovesToSourceIdAndTheContentIdIsComputed() throws Exception {
    Path out = dir.resolve("o.jsonl");
    assertThat(CliRun.of("import", fixture("chat.jsonl").toString(), "-o", out.toString()).code()).isZero();

    JsonNode first = records(out).get(0);
    assertThat(first.path("meta").path("source_id").asText()).isEqualTo("ex-17");
    assertThat(first.path("id").asText()).matches("q-[0-9a-f]{16}").isNotEqualTo("ex-17");
  }

  @Test
  void aMissingSourceBecomesAnImportProvenanceNamingFileAndLine() throws Exception {
    Path out = dir.resolve("o.jsonl");
    assertThat(CliRun.of("import", fixture("alpaca.jsonl").toString(), "-o", out.toString()).code()).isZero();

    JsonNode second = records(out).get(1).path("source");
    assertThat(second.path("extractor").asText()).isEqualTo("import");
    assertThat(second.path("path").asText()).isEqualTo("alpaca.jsonl");
    assertThat(second.path("lines").toString()).isEqualTo("[2,2]");
  }

  @Test
  void alpacaHistoryBecomesEarlierTurnsAndInputJoinsTheInstruction() throws Exception {
    Path out = dir.resolve("o.jsonl");
    assertThat(CliRun.of("import", fixture("alpaca.jsonl").toString(), "-o", out.toString()).code()).isZero();

    List<JsonNode> rs = records(out);
    assertThat(rs.get(0).path("messages").get(0).path("content").asText()).isEqualTo("Translate to French\n\nGood morning");
    assertThat(rs.get(1).path("messages")).hasSize(4);
    assertThat(rs.get(1).path("messages").get(0).path("content").asText()).isEqualTo("Start a story");
  }

  @Test
  void aCategoryIsAssignedByTheRulesOrUncategorizedWithTheDecidingRule() throws Exception {
    Path out = dir.resolve("o.jsonl");
    assertThat(CliRun.of("import", fixture("chat.jsonl").toString(), "-o", out.toString()).code()).isZero();

    for (JsonNode r : records(out)) {
      String rule = r.path("meta").path("category_rule").asText();
      assertThat(rule).isNotEmpty();
      assertThat(r.path("category").asText().equals("uncategorized")).isEqualTo(rule.equals("none"));
    }
  }

  @Test
  void validateAcceptsAPlainOpenAiFileWithForeignIds() throws Exception {
    Path accepted = dir.resolve("a.jsonl");
    CliRun r = CliRun.of("validate", fixture("chat.jsonl").toString(), "--accepted", accepted.toString(),
        "--rejected", dir.resolve("r.jsonl").toString(), "--report", dir.resolve("v.json").toString(), "-q");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(records(accepted)).hasSize(2);
  }

  @Test
  void aShareGptRoleTagGptIsNotAnAiProductMention() throws Exception {
    Path rejected = dir.resolve("r.jsonl");
    CliRun r = CliRun.of("validate", fixture("sharegpt.jsonl").toString(), "--accepted",
        dir.resolve("a.jsonl").toString(), "--rejected", rejected.toString(), "--report",
        dir.resolve("v.json").toString(), "-q");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(records(dir.resolve("a.jsonl"))).hasSize(2);
    assertThat(Files.readString(dir.resolve("v.json"))).doesNotContain("meta.original.conversations");
  }

  @Test
  void aQuarryFormIdThatDoesNotMatchItsContentIsStillRejected() throws Exception {
    Path rejected = dir.resolve("r.jsonl");
    CliRun r = CliRun.of("validate", fixture("stale-qid.jsonl").toString(), "--accepted",
        dir.resolve("a.jsonl").toString(), "--rejected", rejected.toString(), "--report",
        dir.resolve("v.json").toString(), "-q");

    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(rejected)).contains("does not match the content");
  }

  @Test
  void aFileMixingFormatsIsAnErrorNamingTheLine() throws Exception {
    CliRun r = CliRun.of("validate", fixture("mixed.jsonl").toString(), "--accepted",
        dir.resolve("a.jsonl").toString(), "--rejected", dir.resolve("r.jsonl").toString(), "-q");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("mixed.jsonl:2").contains("mixes formats").hasLineCount(1);
  }

  @Test
  void aFileWhoseFormatCannotBeDetectedIsAnErrorNamingTheFix() throws Exception {
    CliRun r = CliRun.of("import", fixture("unknown.jsonl").toString(), "-o", dir.resolve("o.jsonl").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("unknown.jsonl:1").contains("--input-format").hasLineCount(1);
  }

  @Test
  void aForcedInputFormatOverridesDetection() throws Exception {
    CliRun r = CliRun.of("import", fixture("chat.jsonl").toString(), "--input-format", "alpaca", "-o",
        dir.resolve("o.jsonl").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("chat.jsonl:1").contains("instruction must be a string");
  }

  @Test
  void exportInTheImportedFormatWritesTheOriginalRecordBack() throws Exception {
    for (String format : List.of("openai", "sharegpt", "alpaca")) {
      String file = format.equals("openai") ? "chat.jsonl" : format + ".jsonl";
      Path ds = Files.createDirectories(dir.resolve(format + "-ds"));
      assertThat(CliRun.of("import", fixture(file).toString(), "-o", ds.resolve("train.jsonl").toString())
          .code()).isZero();
      Path exported = dir.resolve(format + "-out");
      CliRun r = CliRun.of("export", ds.toString(), "--format", format, "-o", exported.toString(), "-q");
      assertThat(r.code()).as(r.err()).isZero();

      List<JsonNode> originals = records(fixture(file));
      List<JsonNode> written = records(exported.resolve(format).resolve("train.jsonl"));
      assertThat(written).hasSize(originals.size());
      for (int i = 0; i < originals.size(); i++) {
        JsonNode w = written.get(i);
        originals.get(i).fields().forEachRemaining(f -> {
          // The fine-tuning API rejects unknown keys: OpenAI export writes back only the format's own.
          boolean kept = !format.equals("openai") || List.of("messages", "tools").contains(f.getKey());
          assertThat(w.get(f.getKey())).as(format + " " + f.getKey()).isEqualTo(kept ? f.getValue() : null);
        });
      }
    }
  }

  @Test
  void openAiExportOfImportedRecordsPassesTheFormatCheck() throws Exception {
    Path ds = Files.createDirectories(dir.resolve("ds"));
    assertThat(CliRun.of("import", fixture("chat.jsonl").toString(), "-o", ds.resolve("train.jsonl").toString())
        .code()).isZero();
    Path exported = dir.resolve("out");
    assertThat(CliRun.of("export", ds.toString(), "--format", "openai", "-o", exported.toString(), "-q").code())
        .isZero();

    assertThat(Files.readString(exported.resolve("openai").resolve("format-check.json")))
        .contains("\"format_errors\" : 0");
  }

  @Test
  void aJsonArrayFileIsImportedRecordByRecordAndExportsBackUnchanged() throws Exception {
    Path ds = Files.createDirectories(dir.resolve("ds"));
    CliRun r = CliRun.of("import", fixture("alpaca-array.json").toString(), "-o", ds.resolve("train.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path exported = dir.resolve("out");
    assertThat(CliRun.of("export", ds.toString(), "--format", "alpaca", "-o", exported.toString(), "-q").code())
        .isZero();

    List<JsonNode> originals = new ArrayList<>();
    Json.mapper().readTree(fixture("alpaca-array.json").toFile()).forEach(originals::add);
    List<JsonNode> written = records(exported.resolve("alpaca/train.jsonl"));
    assertThat(written).hasSameSizeAs(originals);
    for (int i = 0; i < written.size(); i++) {
      // Export adds the Quarry id to a record that had none, for tracing; every original field is as it was.
      com.fasterxml.jackson.databind.node.ObjectNode w = written.get(i).deepCopy();
      assertThat(w.remove("id").asText()).startsWith("q-");
      assertThat(w).isEqualTo(originals.get(i));
    }
  }

  @Test
  void combineNamesTheConversionForAJsonArrayFile() throws Exception {
    CliRun r = CliRun.of("combine", fixture("alpaca-array.json").toString(), "-o", dir.resolve("c.jsonl").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).hasLineCount(1).contains("alpaca-array.json:1").contains("quarry import");
  }

  @Test
  void analyzeReportsUncategorizedImportsAsAGap() throws Exception {
    Path report = dir.resolve("d.json");
    CliRun r = CliRun.of("analyze", fixture("sharegpt.jsonl").toString(), "--report", report.toString(), "-q");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(report)).contains("\"category\" : \"uncategorized\"");
  }
}
