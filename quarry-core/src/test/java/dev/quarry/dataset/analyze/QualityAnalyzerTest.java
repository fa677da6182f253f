package dev.quarry.dataset.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality figures of issue 10 on tiny hand-written records, without a repository. */
class QualityAnalyzerTest {
  private static String record(String id, String extractor, String system, String user, String assistant) {
    return "{\"messages\":[{\"role\":\"system\",\"content\":\"" + system + "\"},"
        + "{\"role\":\"user\",\"content\":\"" + user + "\"},{\"role\":\"assistant\",\"content\":\"" + assistant
        + "\"}],\"category\":\"sdk\",\"language\":\"python\",\"source\":{\"extractor\":\"" + extractor
        + "\",\"repo\":\"r\",\"path\":\"a.py\",\"lines\":[1,3],\"symbol\":\"make_client\",\"commit\":null},"
        + "\"tags\":[],\"meta\":{}}\n";
  }

  private static final String CODE_ONLY = "```python\\ndef f():\\n    return 1\\n```";
  private static final String EXPLAINED = "Put it in the client module because the SDK reads it there.\\n\\n"
      + "```python\\nfrom acme.client import Client\\n\\nclient = Client()\\n```\\n\\nThis way retries stay central.";

  private JsonNode figures(Path dir, String... lines) throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("", lines));
    return new QualityAnalyzer(null, ProgressListener.NONE).run(List.of(in)).toJson();
  }

  @Test
  void countsCodeOnlyReasoningAndImportsPerAnswer(@TempDir Path dir) throws IOException {
    JsonNode q = figures(dir,
        record("q-1", "functions", "S1", "Write make_client", CODE_ONLY),
        record("q-2", "routes", "S1", "I need a client that retries", EXPLAINED));
    JsonNode o = q.path("overall");
    assertThat(o.path("examples").asInt()).isEqualTo(2);
    assertThat(o.path("code_answers").asInt()).isEqualTo(2);
    assertThat(o.path("code_only").asInt()).isEqualTo(1);
    assertThat(o.path("reasoning").asInt()).isEqualTo(1);
    assertThat(o.path("with_imports").asInt()).isEqualTo(1);
    assertThat(o.path("goal_first").asInt()).as("only the second prompt names no symbol").isEqualTo(1);
    assertThat(q.path("extractors").path("functions").path("code_only").asInt()).isEqualTo(1);
    assertThat(q.path("extractors").path("routes").path("code_only").asInt()).isZero();
  }

  @Test
  void sameInputGivesTheSameFigures(@TempDir Path dir) throws IOException {
    String a = figures(dir, record("q-1", "functions", "S1", "Write make_client", CODE_ONLY)).toString();
    String b = figures(dir, record("q-1", "functions", "S1", "Write make_client", CODE_ONLY)).toString();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void answersOpeningWithASentenceManyOthersShareAreCountedAfterTheirCodeBlocks(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String answer = i < 6 ? "Here is an implementation:\\n\\n" + CODE_ONLY
          : i < 8 ? CODE_ONLY + "\\n\\nHere is an implementation: again." : "Put f" + i + " in a.py. Because.";
      lines.append(record("q-" + i, "functions", "S1", "Write f" + i, answer));
    }
    JsonNode q = figures(dir, lines.toString());
    assertThat(q.path("answer_openings").path("answers").asInt()).isEqualTo(20);
    assertThat(q.path("answer_openings").path("shared").asInt()).as("8 open with the same sentence").isEqualTo(8);
    assertThat(q.path("answer_openings").path("shared_share").asDouble()).isEqualTo(0.4);
  }

  @Test
  void anOpeningIsTheFirstProseSentenceOutsideCode() {
    assertThat(AnswerOpenings.opening("```py\nx = 1. y\n```\n\nIt goes in `a.py`. Then more.")).isEqualTo("It goes in `a.py`.");
    assertThat(AnswerOpenings.opening("The handler in `a.py`:\n\ncode")).isEqualTo("The handler in `a.py`:");
    assertThat(AnswerOpenings.opening("```py\nx\n```")).isEmpty();
  }

  @Test
  void leftoverPlaceholdersAreCounted(@TempDir Path dir) throws IOException {
    JsonNode q = figures(dir, record("q-1", "tests", "S1", "Test that %s is rejected", CODE_ONLY),
        record("q-2", "tests", "S2", "Test make_client", CODE_ONLY));
    assertThat(q.path("overall").path("placeholders").asInt()).isEqualTo(1);
  }
}
