package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchValidateCommandTest {
  @TempDir
  Path dir;

  @Test
  void benchValidateReportsBothFloorsEveryThreadCountAndEveryRuleOnAGeneratedCorpus() throws Exception {
    CliRun r = CliRun.of("bench", "validate", "--records", "40", "--rounds", "1", "--threads", "1,2", "--json",
        "--work", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.path("records").asLong()).isEqualTo(40);
    assertThat(j.path("code_blocks").asLong()).isGreaterThanOrEqualTo(40);
    assertThat(j.path("floor_json").path("cpu_seconds").asDouble()).isPositive();
    assertThat(j.path("floor_parse").path("cpu_seconds").asDouble())
        .isGreaterThan(j.path("floor_json").path("cpu_seconds").asDouble());
    assertThat(j.path("validate")).hasSize(2);
    assertThat(j.path("validate").get(1).path("threads").asInt()).isEqualTo(2);
    assertThat(j.path("validate").get(0).path("share_of_parse_floor_cpu").asDouble()).isPositive();
    assertThat(j.path("rule_cpu_seconds_one_thread").has("syntax")).isTrue();
    assertThat(j.path("rule_cpu_seconds_one_thread").has("secrets")).isTrue();
  }

  @Test
  void benchValidateRejectsAThreadCountBelowOne() {
    CliRun r = CliRun.of("bench", "validate", "--records", "5", "--threads", "0", "--work", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--threads 0 is not positive");
  }
}
