package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
  void unknownVerbIsAUsageErrorOnOneLine() {
    CliRun r = CliRun.of("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: Unmatched argument at index 0: 'frobnicate' (see 'quarry --help')\n");
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
