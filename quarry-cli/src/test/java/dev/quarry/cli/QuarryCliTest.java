package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuarryCliTest {
  @TempDir
  Path dir;

  @Test
  void versionPrintsToolNameAndVersion() {
    CliRun r = CliRun.of("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("quarry ");
  }

  @Test
  void unknownVerbIsAUsageErrorNamingTheVerbAndTheVerbs() {
    CliRun r = CliRun.of("frobnicate", "--fast");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: unknown verb \"frobnicate\" (use one of build, init, extract, import, validate, "
        + "combine, analyze, balance, synth, split, export, train-config, train, eval, registry, bench; see 'quarry --help')\n");
  }

  @Test
  void unknownSubCommandIsNamedWithTheSubCommandsOfItsVerb() {
    CliRun r = CliRun.of("registry", "lst");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: unknown registry command \"lst\" (use one of add, list, show, compare, "
        + "promote, serve-config; see 'quarry registry --help')\n");
  }

  @Test
  void anUnknownOptionStillNamesTheOptionAndTheVerbsHelp() {
    CliRun r = CliRun.of("split", "in.jsonl", "-o", "x", "--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("quarry: Unknown option: '--frobnicate'").endsWith("(see 'quarry split --help')\n");
  }

  @Test
  void benchAndServeConfigTakeQuietAndJson() {
    for (String verb : List.of("generate", "dedup", "extract")) {
      CliRun r = CliRun.of("bench", verb, "--help");
      assertThat(r.out()).as(verb).contains("--json").contains("--quiet");
    }
    assertThat(CliRun.of("registry", "serve-config", "--help").out()).contains("--json").contains("--quiet");
  }

  @Test
  void benchGenerateSummaryIsJsonWithJsonAndSilentWithQuiet() throws Exception {
    CliRun json = CliRun.of("bench", "generate", "20", "-o", dir.resolve("c.jsonl").toString(), "--json");
    assertThat(json.code()).isZero();
    assertThat(json.err()).isEmpty();
    com.fasterxml.jackson.databind.JsonNode n = dev.quarry.io.Json.mapper().readTree(json.out());
    assertThat(n.path("records").asLong()).isEqualTo(20);
    assertThat(n.path("truth").asText()).endsWith("c.jsonl.truth.tsv");
    CliRun quiet = CliRun.of("bench", "generate", "20", "-o", dir.resolve("d.jsonl").toString(), "--quiet");
    assertThat(quiet.code()).isZero();
    assertThat(quiet.out()).isEmpty();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void everyRegisteredVerbHasHelp() {
    CommandLine cl = new CommandLine(new QuarryCli());
    Verbs.register(cl, new Terminal(System.out, System.err, false));
    assertThat(cl.getSubcommands()).isNotEmpty();
    for (String verb : cl.getSubcommands().keySet()) {
      CliRun r = CliRun.of(verb, "--help");
      assertThat(r.code()).as(verb).isZero();
      assertThat(r.out()).as(verb).contains("Usage: quarry " + verb);
    }
  }

  @Test
  void helpListsOnlyImplementedVerbs() {
    CliRun r = CliRun.of("--help");
    assertThat(r.code()).isZero();
    CommandLine cl = new CommandLine(new QuarryCli());
    Verbs.register(cl, new Terminal(System.out, System.err, false));
    for (String verb : cl.getSubcommands().keySet()) {
      assertThat(r.out()).contains("  " + verb + " ");
    }
  }

  @Test
  void missingRepositoryIsAnInputErrorNamingThePath() {
    Path missing = dir.resolve("nope");
    CliRun r = CliRun.of("extract", missing.toString(), "-o", dir.resolve("x.jsonl").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("quarry: " + missing + ": not a folder (give the path of a repository checkout)\n");
  }

  @Test
  void badConfigurationIsExitTwoWithFileLineAndNearestKey() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path cfg = repo.resolve("quarry.yaml");
    Files.writeString(cfg, "project: x\nextractor:\n  openapi: {}\n");
    CliRun r = CliRun.of("extract", repo.toString(), "-o", dir.resolve("x.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: " + cfg + ":2: unknown key \"extractor\" (did you mean \"extractors\"?)\n");
  }

  @Test
  void jsonSummaryGoesToStdoutAndIsParseable() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("empty"));
    CliRun r = CliRun.of("extract", repo.toString(), "-o", dir.resolve("x.jsonl").toString(), "--json");
    assertThat(r.code()).isZero();
    assertThat(dev.quarry.io.Json.mapper().readTree(r.out()).get("examples").asLong()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
