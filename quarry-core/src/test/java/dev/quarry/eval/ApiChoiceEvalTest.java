package dev.quarry.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.dataset.TestRecords;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.OpenAiTestServer;
import dev.quarry.eval.client.RetryPolicy;
import dev.quarry.eval.client.Sleeper;
import dev.quarry.eval.report.JsonReport;
import dev.quarry.eval.report.ReportInfo;
import dev.quarry.eval.score.Scoring;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goal-first records of a test split are API-choice probes, scored over real HTTP against a scripted
 * OpenAI-compatible server: the answer that picks the expected hook is a hit, the one that picks another is a
 * miss, and the report states both and the accuracy.
 */
class ApiChoiceEvalTest {
  private static final String SEARCH_GOAL = "From a React page, find the documents most similar to a query vector.";
  private static final String RAG_GOAL = "Build a component that answers questions about our handbook.";
  private static final String NAMED = "How do I call useRAG with a collection id?";

  @TempDir
  Path tmp;

  private OpenAiTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OpenAiTestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Example record(String question, String answer, String symbol, List<String> expected,
      boolean goalFirst) {
    Example e = Example.of(List.of(Message.system("You are an Acme engineer."), Message.user(question),
        Message.assistant(answer)), "sdk", "tsx", new Source("goals", "acme", "sdk/src/hooks/" + symbol + ".ts", null,
        symbol, null));
    ObjectNode meta = e.metaCopy();
    if (goalFirst) {
      meta.put("goal_first", true);
    }
    if (!expected.isEmpty()) {
      var exp = meta.putArray("expected_api");
      expected.forEach(exp::add);
    }
    return e.withMeta(meta);
  }

  private static SymbolIndex symbols() {
    return SymbolIndex.build(Stream.of("useRAG", "useVectorSearch").map(h -> Example.of(List.of(
        Message.user("Write " + h), Message.assistant("```ts\nexport function " + h + "(collectionId: string) {\n"
            + "  return collectionId;\n}\n```")), "sdk", "typescript",
        new Source("hooks", "acme", "sdk/src/hooks/" + h + ".ts", null, h, null))));
  }

  @Test
  void aRightAndAWrongApiChoiceAreScoredAsHitAndMissWithTheirAccuracy() throws Exception {
    Path split = TestRecords.write(tmp.resolve("test.jsonl"), List.of(
        record(SEARCH_GOAL, "```tsx\nconst { hits, search } = useVectorSearch(collectionId);\n```", "useVectorSearch",
            List.of("useVectorSearch"), true),
        record(RAG_GOAL, "```tsx\nconst { answer, ask } = useRAG(collectionId);\n```", "useRAG", List.of(), false),
        record(NAMED, "```tsx\nconst { answer } = useRAG(collectionId);\n```", "useRAG", List.of(), false)));
    server.answer("acme-lora", SEARCH_GOAL, "Use the hook:\n```tsx\nconst { hits } = useVectorSearch(id);\n```")
        .answer("acme-lora", RAG_GOAL, "Search first:\n```tsx\nconst { hits } = useVectorSearch(id);\n```")
        .answer("acme-lora", NAMED, "```tsx\nconst { answer } = useRAG(id);\n```");
    SymbolIndex index = symbols();

    List<EvalItem> items = EvalItems.read(split, 100, index);
    OpenAiClient client = new OpenAiClient(server.endpoint(), Optional.empty(), Duration.ofSeconds(5),
        new RetryPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1), 1), Sleeper.REAL);
    Scoring scoring = Scoring.defaults(index);
    EvalResult r = new EvalRunner(client, Optional.empty(), scoring, ProgressListener.NONE)
        .run(items, new EvalRunner.Settings("acme-lora", "", 0, 256, 2));
    JsonNode report = Json.mapper().readTree(Json.mapper().writeValueAsString(JsonReport.build(r, scoring,
        new ReportInfo(server.endpoint(), split.toString(), "0", 0, 256, 1, "symbols.json", 2))));

    assertThat(items).extracting(EvalItem::expected).containsExactly(List.of("useVectorSearch"), List.of("useRAG"),
        List.of());
    JsonNode it = report.path("items");
    assertThat(it.get(0).path("expected_api").toString()).isEqualTo("[\"useVectorSearch\"]");
    assertThat(it.get(0).path("adapter").path("api_choice").asText()).isEqualTo("hit");
    assertThat(it.get(1).path("expected_api").toString()).isEqualTo("[\"useRAG\"]");
    assertThat(it.get(1).path("adapter").path("api_choice").asText()).isEqualTo("miss");
    assertThat(it.get(1).path("adapter").path("scores").path("api-choice").path("detail").asText())
        .isEqualTo("does not name useRAG");
    assertThat(it.get(2).has("expected_api")).isFalse();
    assertThat(it.get(2).path("adapter").has("api_choice")).isFalse();
    JsonNode summary = report.path("summary").path("api_choice").path("adapter");
    assertThat(summary.path("probes").asInt()).isEqualTo(2);
    assertThat(summary.path("hits").asInt()).isEqualTo(1);
    assertThat(summary.path("accuracy").asDouble()).isEqualTo(0.5);
  }

  @Test
  void withoutASymbolIndexOnlyRecordsThatNameTheirExpectedApiAreProbes() throws Exception {
    Path split = TestRecords.write(tmp.resolve("test.jsonl"), List.of(
        record(SEARCH_GOAL, "```tsx\nuseVectorSearch(id);\n```", "useVectorSearch", List.of("useVectorSearch"), true),
        record(RAG_GOAL, "```tsx\nuseRAG(id);\n```", "useRAG", List.of(), true)));

    assertThat(EvalItems.read(split, 100, SymbolIndex.empty())).extracting(EvalItem::expected)
        .containsExactly(List.of("useVectorSearch"), List.of());
  }
}
