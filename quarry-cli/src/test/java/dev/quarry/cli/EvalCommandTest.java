package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /** Answers with the real hook for model "acme-lora" and an invented one for any other model. */
  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      requests.incrementAndGet();
      JsonNode req = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
      String content = req.path("model").asText().equals("acme-lora")
          ? "```tsx\nconst { answer } = useRAG(id);\n```" : "```tsx\nconst { answer } = useQuantumSync(id);\n```";
      var body = Json.mapper().createObjectNode();
      body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
          .put("role", "assistant").put("content", content);
      byte[] b = Json.mapper().writeValueAsBytes(body);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private Path prompts() throws Exception {
    Path p = dir.resolve("probes.jsonl");
    Files.writeString(p, "{\"id\":\"rag\",\"category\":\"sdk\",\"prompt\":\"Ask a question with the RAG hook\","
        + "\"reference\":\"```tsx\\nconst { answer, ask } = useRAG(collectionId);\\n```\"}\n"
        + "{\"id\":\"rag2\",\"category\":\"sdk\",\"prompt\":\"Show the RAG answer\","
        + "\"reference\":\"```tsx\\nconst { answer } = useRAG(collectionId);\\n```\"}\n", StandardCharsets.UTF_8);
    return p;
  }

  private Path symbols() throws Exception {
    Example e = Example.of(List.of(Message.user("Write useRAG"),
        Message.assistant("```ts\nexport const useRAG = (collectionId: string) => ask(collectionId);\n```")), "sdk",
        "typescript", new Source("hooks", "acme", "sdk/src/hooks/useRAG.ts", null, "useRAG", null));
    Path s = dir.resolve("symbols.json");
    SymbolIndex.build(Stream.of(e)).write(s);
    return s;
  }

  @Test
  void evaluatesAgainstABaselineWritesBothReportsAndResumesFromTheCache() throws Exception {
    Path report = dir.resolve("out/report.json");
    Path html = dir.resolve("out/report.html");
    String[] args = {"eval", "--endpoint", endpoint(), "--model", "acme-lora", "--baseline", "base", "--prompts",
        prompts().toString(), "--symbols", symbols().toString(), "--cache", dir.resolve("cache").toString(),
        "--report", report.toString(), "--html", html.toString(), "--json"};
    CliRun r = CliRun.of(args);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    JsonNode summary = Json.mapper().readTree(r.out());
    assertThat(summary.path("http_requests").asInt()).isEqualTo(4);
    assertThat(summary.path("comparison").path("wins").asInt()).isEqualTo(2);
    // Both prompts state a goal and name no platform symbol: each expects the hook its reference uses.
    assertThat(summary.path("api_choice").path("probes").asInt()).isEqualTo(2);
    assertThat(summary.path("api_choice").path("hits").asInt()).isEqualTo(2);
    assertThat(summary.path("api_choice").path("baseline_hits").asInt()).isZero();
    JsonNode rep = Json.mapper().readTree(report.toFile());
    assertThat(rep.path("items").path(0).path("baseline").path("scores").path("hallucination").path("findings")
        .path(0).asText()).isEqualTo("useQuantumSync (hook not on the platform)");
    assertThat(Files.readString(html)).contains("useQuantumSync");
    byte[] first = Files.readAllBytes(report);

    CliRun again = CliRun.of(args);
    assertThat(again.code()).isZero();
    assertThat(Json.mapper().readTree(again.out()).path("http_requests").asInt()).isZero();
    assertThat(requests.get()).isEqualTo(4);
    assertThat(Files.readAllBytes(report)).as("a cached re-run writes the same report").isEqualTo(first);
  }

  @Test
  void theRegistryRecordsTheScoresOfAnEvalReport() throws Exception {
    Path report = dir.resolve("report.json");
    assertThat(CliRun.of("eval", "--endpoint", endpoint(), "--model", "acme-lora", "--baseline", "base", "--prompts",
        prompts().toString(), "--symbols", symbols().toString(), "--no-cache", "--quiet", "--report",
        report.toString()).code()).isZero();
    Path adapter = Files.createDirectories(dir.resolve("acme-lora"));
    Files.writeString(adapter.resolve("adapter_config.json"), "{\"base_model_name_or_path\":\"base\",\"r\":8}");
    Files.writeString(adapter.resolve("adapter_model.safetensors"), "weights");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, "{\"tool_version\":\"0.1.0\",\"config_hash\":\"abc\",\"files\":{}}");
    String db = dir.resolve("registry.db").toString();
    assertThat(CliRun.of("registry", "add", adapter.toString(), "--dataset", manifest.toString(), "--eval",
        report.toString(), "--db", db, "--quiet").code()).isZero();
    JsonNode shown = Json.mapper().readTree(CliRun.of("registry", "show", "acme-lora", "--db", db, "--json").out());
    JsonNode rep = Json.mapper().readTree(report.toFile());
    assertThat(shown.path("eval").path("score").asDouble())
        .isEqualTo(rep.path("summary").path("adapter").path("score").asDouble()).isGreaterThan(0);
    assertThat(shown.path("eval").path("baseline").asText()).isEqualTo("base");
    assertThat(shown.path("eval").path("categories").path("sdk").isNumber()).isTrue();
  }

  @Test
  void failOnRegressionExitsOneWhenTheAdapterIsWorse() throws Exception {
    CliRun r = CliRun.of("eval", "--endpoint", endpoint(), "--model", "other", "--baseline", "acme-lora",
        "--prompts", prompts().toString(), "--symbols", symbols().toString(), "--no-cache", "--fail-on-regression",
        "--quiet");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void anApiKeyPassedAsTheVariableNameIsRefusedWithoutEchoingIt() throws Exception {
    CliRun r = CliRun.of("eval", "--endpoint", endpoint(), "--model", "m", "--prompts", prompts().toString(),
        "--api-key-env", "sk-live-123456");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: --api-key-env takes the name of an environment variable, not a key "
        + "(export QUARRY_API_KEY=... and pass --api-key-env QUARRY_API_KEY)\n");
  }

  @Test
  void aServerThatNeverAnswersIsAnInputErrorAfterTheReportIsWritten() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path report = dir.resolve("r.json");
    CliRun r = CliRun.of("eval", "--endpoint", "http://127.0.0.1:" + port, "--model", "m", "--prompts",
        prompts().toString(), "--retries", "0", "--timeout", "1", "--no-cache", "--quiet", "--report",
        report.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("quarry: http://127.0.0.1:" + port + "/v1/chat/completions: every request failed "
        + "(first: connection failed").endsWith("(check --endpoint, --model and that the server is running)\n");
    assertThat(report).exists();
  }

  @Test
  void missingPromptsAreAnInputErrorNamingTheFile() {
    Path missing = dir.resolve("nope.jsonl");
    CliRun r = CliRun.of("eval", "--endpoint", endpoint(), "--model", "m", "--prompts", missing.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("quarry: " + missing + ": no such file (check the path)\n");
  }
}
