package dev.quarry.eval.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic OpenAI-compatible server for tests, on 127.0.0.1 and a free port. It answers
 * {@code POST /v1/chat/completions} by what the last user message contains:
 *
 * <ul>
 *   <li>{@code [429]}: HTTP 429 with {@code Retry-After: 2} on the first request for that prompt, then an answer;
 *   <li>{@code [503]}: always HTTP 503;
 *   <li>{@code [slow]}: waits {@link #SLOW_MS} before answering (longer than the tests' client timeout);
 *   <li>{@code [malformed]}: HTTP 200 with a body that is not JSON;
 *   <li>{@code [nocontent]}: HTTP 200 JSON without {@code choices};
 *   <li>otherwise the answer registered with {@link #answer}, else {@code model + ": " + question}.
 * </ul>
 */
public final class OpenAiTestServer implements AutoCloseable {
  /** How long {@code [slow]} prompts wait, in milliseconds. */
  public static final int SLOW_MS = 600;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "test-llm");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> perPrompt = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** Starts a server. */
  public OpenAiTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL, {@code http://127.0.0.1:PORT/v1}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Registers the answer {@code model} gives to {@code question}. */
  public OpenAiTestServer answer(String model, String question, String answer) {
    answers.put(model + "\u0000" + question, answer);
    return this;
  }

  /** Requests received. */
  public int requests() {
    return requests.get();
  }

  /** The Authorization headers received ("" when absent), in arrival order. */
  public List<String> authorizations() {
    return authorizations;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).replace("null", ""));
      JsonNode req = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
      String model = req.path("model").asText();
      JsonNode msgs = req.path("messages");
      String question = msgs.path(msgs.size() - 1).path("content").asText();
      int n = perPrompt.computeIfAbsent(model + question, k -> new AtomicInteger()).incrementAndGet();
      if (question.contains("[429]") && n == 1) {
        ex.getResponseHeaders().add("Retry-After", "2");
        send(ex, 429, "{\"error\":{\"message\":\"rate limited\"}}");
        return;
      }
      if (question.contains("[503]")) {
        send(ex, 503, "{\"error\":\"overloaded\"}");
        return;
      }
      if (question.contains("[slow]")) {
        try {
          Thread.sleep(SLOW_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (question.contains("[malformed]")) {
        send(ex, 200, "{\"choices\": [{\"message\": {\"content\": \"cut off");
        return;
      }
      if (question.contains("[nocontent]")) {
        send(ex, 200, "{\"object\": \"chat.completion\"}");
        return;
      }
      String content = answers.getOrDefault(model + "\u0000" + question, model + ": " + question);
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", "cmpl-" + n).put("object", "chat.completion")
          .put("model", model);
      body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
          .putObject("message").put("role", "assistant").put("content", content);
      send(ex, 200, Json.mapper().writeValueAsString(body));
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
