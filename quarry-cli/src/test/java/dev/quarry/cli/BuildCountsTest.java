package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every split count a demo build reports (the summary line, the manifest's stage counts,
 * {@code reports/distribution.json}, the dataset card) equals the records in {@code dataset/*.jsonl}, although
 * decontamination drops held-out records after the split.
 */
class BuildCountsTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");
  private static final List<String> SPLITS = List.of("train", "validation", "test");

  @TempDir
  static Path tmp;
  static Path out;
  static CliRun build;
  static Map<String, Long> lines = new LinkedHashMap<>();

  @BeforeAll
  static void buildDemo() throws IOException {
    out = tmp.resolve("out");
    build = CliRun.of("build", DEMO.toString(), "-o", out.toString());
    for (String s : SPLITS) {
      try (Stream<String> l = Files.lines(out.resolve("dataset/" + s + ".jsonl"))) {
        lines.put(s, l.filter(x -> !x.isBlank()).count());
      }
    }
  }

  @Test
  void theDemoBuildDropsHeldOutRecordsAfterTheSplit() throws IOException {
    assertThat(build.code()).as(build.err()).isZero();
    JsonNode split = manifestSplit();
    assertThat(split.path("decontamination").path("removed").asLong()).isPositive();
    assertThat(split.path("removed").asLong()).isEqualTo(split.path("decontamination").path("removed").asLong());
  }

  @Test
  void theSummaryLineStatesTheRecordsInTheFiles() {
    String summary = build.out() + build.err();
    String splitLine = summary.lines().filter(l -> l.strip().startsWith("split ")).findFirst().orElseThrow();
    String exportLine = summary.lines().filter(l -> l.strip().startsWith("export ")).findFirst().orElseThrow();
    for (String s : SPLITS) {
      assertThat(count(splitLine, s)).as(splitLine).isEqualTo(lines.get(s));
      assertThat(count(exportLine, s)).as(exportLine).isEqualTo(lines.get(s));
    }
    long total = lines.values().stream().mapToLong(Long::longValue).sum();
    assertThat(splitLine).contains(", " + total + " out");
  }

  @Test
  void theManifestCountsPerSplitAndCategoryAreThoseOfTheFiles() throws IOException {
    JsonNode split = manifestSplit();
    long total = 0;
    for (String s : SPLITS) {
      assertThat(split.path("splits").path(s).asLong()).as(s).isEqualTo(lines.get(s));
      long perCategory = 0;
      for (JsonNode c : split.path("categories")) {
        perCategory += c.path(s).asLong();
      }
      assertThat(perCategory).as(s).isEqualTo(lines.get(s));
      total += lines.get(s);
    }
    assertThat(split.path("out").asLong()).isEqualTo(total);
    assertThat(split.path("in").asLong() - split.path("removed").asLong()).isEqualTo(total);
  }

  @Test
  void theDistributionReportAndTheDatasetCardCountTheFiles() throws IOException {
    JsonNode d = Json.mapper().readTree(out.resolve("reports/distribution.json").toFile());
    String card = Files.readString(out.resolve("export/README.md"));
    for (String s : SPLITS) {
      assertThat(d.path("splits").path(s).path("total").asLong()).as(s).isEqualTo(lines.get(s));
      assertThat(card).contains("| " + s + " | " + lines.get(s) + " |");
    }
  }

  private static JsonNode manifestSplit() throws IOException {
    return Json.mapper().readTree(out.resolve("manifest.json").toFile()).path("counts").path("split");
  }

  private static long count(String line, String split) {
    Matcher m = Pattern.compile("\\b" + split + " (\\d+)").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Long.parseLong(m.group(1));
  }
}
