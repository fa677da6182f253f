package dev.quarry.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.eval.EvalItem;
import dev.quarry.eval.EvalResult;
import dev.quarry.eval.ItemResult;
import dev.quarry.eval.ModelAnswer;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.score.AnswerScores;
import dev.quarry.eval.score.Scoring;
import dev.quarry.eval.symbols.AcmeRecords;
import dev.quarry.io.Json;
import dev.quarry.model.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final Scoring SCORING = Scoring.defaults(AcmeRecords.index());
  private static final ReportInfo INFO = new ReportInfo("http://user:pw@localhost:8000/v1?key=abc", "test.jsonl",
      "ab12", 0, 512, 42, "symbols.json", 8);
  private static final String REF = "```tsx\nconst { answer, ask } = useRAG(collectionId);\n```";

  @TempDir
  Path tmp;

  private static ModelAnswer answered(String text) {
    return new ModelAnswer(new ChatOutcome.Answered(text, "stop", 1, false), SCORING.score(text, REF));
  }

  private static EvalResult result() {
    EvalItem good = new EvalItem("q-1", "sdk", "tsx", List.of(Message.user("Use the RAG hook")), REF);
    EvalItem bad = new EvalItem("q-2", "agents", "tsx", List.of(Message.user("<b>bold</b> question")), REF);
    EvalItem failed = new EvalItem("q-3", "sdk", "tsx", List.of(Message.user("third")), REF);
    return new EvalResult("acme-lora", "base", List.of(
        new ItemResult(good, answered(REF), answered("```tsx\nconst x = useQuantumSync();\n```")),
        new ItemResult(bad, answered("<script>alert('x')</script> useQuantumSync()"), answered(REF)),
        new ItemResult(failed, new ModelAnswer(new ChatOutcome.Failed("HTTP 503 after 4 attempts", 4),
            AnswerScores.missing()), answered(REF))), 9, 0);
  }

  @Test
  void jsonReportHasTheSummaryCategoriesAndEveryItemInInputOrder() throws Exception {
    ObjectNode r = JsonReport.build(result(), SCORING, INFO);
    assertThat(r.path("format").asText()).isEqualTo("quarry-eval/1");
    assertThat(r.path("endpoint").asText()).isEqualTo("http://localhost:8000/v1");
    assertThat(r.path("summary").path("items").asInt()).isEqualTo(3);
    assertThat(r.path("summary").path("adapter").path("failures").asInt()).isEqualTo(1);
    JsonNode cmp = r.path("summary").path("comparison");
    assertThat(cmp.path("wins").asInt() + cmp.path("ties").asInt() + cmp.path("losses").asInt()).isEqualTo(3);
    assertThat(cmp.path("wins").asInt()).isEqualTo(1);
    assertThat(r.path("categories").fieldNames()).toIterable().containsExactly("agents", "sdk");
    assertThat(r.path("items")).extracting(i -> i.path("id").asText()).containsExactly("q-1", "q-2", "q-3");
    assertThat(r.path("items").path(2).path("adapter").path("error").asText()).isEqualTo("HTTP 503 after 4 attempts");
    assertThat(r.path("items").path(1).path("adapter").path("scores").path("hallucination").path("findings").path(0)
        .asText()).isEqualTo("useQuantumSync (hook not on the platform)");
    assertThat(r.path("scores").fieldNames()).toIterable()
        .containsExactly("overall", "syntax", "clean", "grounding", "hallucination", "chrf", "api-choice");
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    JsonReport.write(a, r);
    JsonReport.write(b, JsonReport.build(result(), SCORING, INFO));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void theRegistryCanReadTheSummaryFieldsItNeeds() {
    ObjectNode r = JsonReport.build(result(), SCORING, INFO);
    assertThat(r.path("summary").path("adapter").path("score").isNumber()).isTrue();
    assertThat(r.path("summary").path("baseline").path("score").isNumber()).isTrue();
    assertThat(r.path("categories").path("sdk").path("adapter").path("score").isNumber()).isTrue();
  }

  @Test
  void htmlEscapesAnswersAndLoadsNothingFromTheNetwork() {
    String html = HtmlReport.render(result(), SCORING, INFO);
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("&lt;b&gt;bold&lt;/b&gt; question").contains("default-src 'none'");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://www", "https://",
        "src=", "href=").doesNotContain("pw@");
  }

  @Test
  void htmlListsTheWorstRegressionFirst() {
    String html = HtmlReport.render(result(), SCORING, INFO);
    int q2 = html.indexOf("<code>q-2</code>");
    int q3 = html.indexOf("<code>q-3</code>");
    int q1 = html.indexOf("<code>q-1</code>");
    assertThat(q3).as("a missing answer loses everything").isPositive();
    assertThat(q2).isGreaterThan(q3);
    assertThat(q1).as("the only win comes last").isGreaterThan(q2);
    assertThat(html).contains("No answer: HTTP 503 after 4 attempts");
  }

  @Test
  void withoutABaselineThereIsNoComparisonAndTheLowestScoresComeFirst() {
    EvalItem one = new EvalItem("q-1", "", "text", List.of(Message.user("a")), REF);
    EvalItem two = new EvalItem("q-2", "", "text", List.of(Message.user("b")), REF);
    EvalResult r = new EvalResult("acme-lora", "", List.of(new ItemResult(one, answered(REF), null),
        new ItemResult(two, answered("useQuantumSync()"), null)), 2, 0);
    ObjectNode json = JsonReport.build(r, SCORING, INFO);
    assertThat(json.path("summary").has("comparison")).isFalse();
    assertThat(json.path("summary").has("baseline")).isFalse();
    assertThat(json.path("categories").fieldNames()).toIterable().containsExactly("(none)");
    assertThat(json.path("items").path(0).has("delta")).isFalse();
    String html = HtmlReport.render(r, SCORING, INFO);
    assertThat(html).contains("lowest scores first").doesNotContain("wins");
    assertThat(html.indexOf("<code>q-2</code>")).isLessThan(html.indexOf("<code>q-1</code>"));
  }

  @Test
  void escapingCoversQuotesAndControlCharacters() {
    assertThat(HtmlReport.esc("a\"b'c&d\u0000e\n")).isEqualTo("a&quot;b&#39;c&amp;d\uFFFDe\n");
    assertThat(Json.mapper()).isNotNull();
  }
}
