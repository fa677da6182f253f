package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the prompt figures of issue 10 on the demo build ({@code examples/acme-platform}): system prompts derived
 * from the repository in several styles, answers that do not open with one templated sentence, docs sections
 * asked as scenario questions.
 */
class DemoPromptFiguresTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  @TempDir
  static Path out;

  static JsonNode quality;
  static List<JsonNode> records = new ArrayList<>();

  @BeforeAll
  static void buildDemo() throws IOException {
    new BuildPipeline(ProgressListener.NONE).run(DEMO, null, out.resolve("b"));
    quality = Json.mapper().readTree(out.resolve("b/reports/quality.json").toFile());
    for (String split : List.of("train", "validation", "test")) {
      for (String line : Files.readAllLines(out.resolve("b/dataset/" + split + ".jsonl"))) {
        records.add(Json.mapper().readTree(line));
      }
    }
  }

  @Test
  void noSystemPromptServesMoreThanSixtyPercentOfRecords() {
    assertThat(quality.path("system_prompts").path("top_share").asDouble()).isLessThanOrEqualTo(0.60);
    assertThat(quality.path("system_prompts").path("distinct").asInt()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void derivedSystemPromptsSayWhatThePlatformIsFromItsOwnMetadata() {
    assertThat(records).anySatisfy(r -> assertThat(r.path("messages").get(0).path("content").asText())
        .contains("acme-platform").contains("FastAPI").contains("vector collections"));
    assertThat(records).anySatisfy(r -> assertThat(r.path("messages").get(0).path("content").asText())
        .contains("`.platform/standards`").contains("pytest and Vitest"));
  }

  @Test
  void fewAnswersOpenWithASentenceFivePercentOfAnswersShare() {
    JsonNode o = quality.path("answer_openings");
    assertThat(o.path("answers").asInt()).isGreaterThan(200);
    assertThat(o.path("shared_share").asDouble()).isLessThanOrEqualTo(0.10);
  }

  @Test
  void docsSectionsAreAskedAsScenarioQuestionsNotAsWhatADocumentSays() {
    List<String> docs = records.stream().filter(r -> r.path("source").path("extractor").asText().equals("docs"))
        .map(r -> r.path("messages").get(1).path("content").asText()).toList();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(15);
    assertThat(docs).allSatisfy(q -> assertThat(q).doesNotContain("What does our", "Summarize the guidance",
        "(see our"));
    assertThat(docs).allSatisfy(q -> assertThat(q).containsPattern("\\b(I'm|I|my|I'd)\\b"));
  }
}
