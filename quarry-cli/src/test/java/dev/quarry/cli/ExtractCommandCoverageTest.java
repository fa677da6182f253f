package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandCoverageTest {
  @TempDir
  Path tmp;

  @Test
  void coverageOptionWritesPerExtractorCountsAndSkipsAndTheSummaryNamesThem() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve("training/handcrafted"));
    Files.writeString(repo.resolve("training/handcrafted/ok.md"), "## User\nq?\n## Assistant\nan answer\n");
    Files.writeString(repo.resolve("training/handcrafted/bad.md"), "## Assistant\nno question\n");
    Path out = tmp.resolve("out.jsonl");
    Path cov = tmp.resolve("coverage.json");

    CliRun r = CliRun.of("extract", repo.toString(), "-o", out.toString(), "--coverage", cov.toString(),
        "--only", "handcrafted");

    assertThat(r.code()).isEqualTo(QuarryCli.OK);
    assertThat(r.err()).contains("handcrafted: 1 written of 2 candidates from 2 files; skipped: incomplete 1");
    JsonNode c = Json.mapper().readTree(cov.toFile());
    JsonNode h = c.get("extractors").get(0);
    assertThat(h.get("id").asText()).isEqualTo("handcrafted");
    assertThat(h.get("skips").get(0).get("path").asText()).isEqualTo("training/handcrafted/bad.md");
    assertThat(h.get("skips").get(0).get("reason").asText()).isEqualTo("incomplete");
    assertThat(c.get("repository").get("files_kept").asInt()).isEqualTo(2);
  }
}
