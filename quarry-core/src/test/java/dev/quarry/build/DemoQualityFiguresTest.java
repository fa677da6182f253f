package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the training-data figures of issue 10 items 2 and 3 on the demo build ({@code examples/acme-platform}),
 * so explanations and goal-first examples cannot silently regress.
 */
class DemoQualityFiguresTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");
  private static final Pattern LEAD = Pattern.compile("^(Why `.*` has this shape:|What the repository says about `.*`:"
      + "|Why it is written this way:)$");
  private static final Set<String> CONTENT_RULES = Set.of("syntax", "secrets", "attribution");

  @TempDir
  static Path out;

  static JsonNode overall;

  @BeforeAll
  static void buildDemo() throws IOException {
    new BuildPipeline(ProgressListener.NONE).run(DEMO, null, out.resolve("b"));
    overall = Json.mapper().readTree(out.resolve("b/reports/quality.json").toFile()).get("overall");
  }

  @Test
  void halfOrMoreOfTheAnswersReason() {
    assertThat(overall.get("reasoning_share").asDouble()).isGreaterThanOrEqualTo(0.50);
  }

  @Test
  void aThirdOfThePromptsStateAGoalAndNameNoPlatformSymbol() {
    assertThat(overall.get("goal_first_share").asDouble()).isGreaterThanOrEqualTo(0.30);
  }

  @Test
  void fewCodeAnswersAreOnlyACodeBlock() {
    assertThat(overall.get("code_only_share").asDouble()).isLessThanOrEqualTo(0.15);
  }

  @Test
  void verbatimCopiesDoNotGrowBeyondTodaysShare() {
    // Issue goal is 0.50; the demo is at 0.68 before span ownership (another branch) removes duplicate function
    // records. This bound catches a regression of the explanations' call lines and the goal-first examples.
    assertThat(overall.get("verbatim_share").asDouble()).isLessThanOrEqualTo(0.70);
  }

  @Test
  void noGoalExampleIsRejectedAndNoExplanationCausesARejection() throws IOException {
    for (String line : Files.readAllLines(out.resolve("b/rejected.jsonl"))) {
      JsonNode r = Json.mapper().readTree(line);
      assertThat(r.path("source").path("extractor").asText()).as(line).isNotEqualTo("goals");
      if (!r.path("meta").has("explanation_sources")) {
        continue;
      }
      List<String> answer = r.path("messages").get(r.path("messages").size() - 1).path("content").asText()
          .lines().toList();
      int start = 0;
      while (start < answer.size() && !LEAD.matcher(answer.get(start)).matches()) {
        start++;
      }
      for (JsonNode finding : r.path("rejection")) {
        String location = finding.path("location").asText();
        if (CONTENT_RULES.contains(finding.path("rule").asText()) && location.startsWith("assistant:")) {
          assertThat(Integer.parseInt(location.substring("assistant:".length()))).as(line).isLessThanOrEqualTo(start);
        }
      }
    }
  }

  @Test
  void goalExamplesReachTheDatasetWithTheirExpectedSurface() throws IOException {
    long goals = 0;
    for (String split : List.of("train", "validation", "test")) {
      for (String line : Files.readAllLines(out.resolve("b/dataset/" + split + ".jsonl"))) {
        JsonNode r = Json.mapper().readTree(line);
        if (r.path("meta").has("expected_api")) {
          goals++;
          String answer = r.path("messages").get(r.path("messages").size() - 1).path("content").asText();
          assertThat(answer).contains(r.path("meta").path("expected_api").get(0).asText());
        }
      }
    }
    assertThat(goals).isGreaterThanOrEqualTo(20);
  }
}
