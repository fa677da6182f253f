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
 *
 * <p>A {@link Script} set with {@link #script} replaces all of that: it answers every request from its model,
 * last user message and how many times that exact request was seen (canned answers keyed by request).
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
  private final List<String> userMessages = new CopyOnWriteArrayList<>();
  private volatile Script script;

  /** A scripted reply to one request. */
  public record Reply(int status, String body, String retryAfter) {
    /** HTTP 200 with {@code content} and finish_reason {@code finish}. */
    public static Reply answer(String content, String finish) {
      ObjectNode body = JsonNodeFactory.instance.objectNode().put("object", "chat.completion");
      body.putArray("choices").addObject().put("index", 0).put("finish_reason", finish)
          .putObject("message").put("role", "assistant").put("content", content);
      return new Reply(200, body.toString(), null);
    }

    /** HTTP 200 with {@code content}, finish_reason stop. */
    public static Reply answer(String content) {
      return answer(content, "stop");
    }

    /** A status with a JSON error body and a Retry-After header when {@code retryAfter} is not null. */
    public static Reply status(int status, String retryAfter) {
      return new Reply(status, "{\"error\":{\"message\":\"scripted " + status + "\"}}", retryAfter);
    }

    /** HTTP 200 with a raw body (e.g. one that is not JSON). */
    public static Reply raw(String body) {
      return new Reply(200, body, null);
    }
  }

  /** Canned answers keyed by request. */
  @FunctionalInterface
  public interface Script {
    /**
     * @param model the requested model
     * @param user the last user message
     * @param seen how many times this exact request has arrived, this one included (1 the first time)
     */
    Reply reply(String model, String user, int seen);
  }

  /** Answers every request with {@code s} from now on. */
  public OpenAiTestServer script(Script s) {
    this.script = s;
    return this;
  }

  /** How many distinct request bodies were answered (HTTP 200) more than once: asked again after an answer. */
  public long answeredTwice() {
    return answeredPerBody.values().stream().filter(n -> n.get() > 1).count();
  }

  private final Map<String, AtomicInteger> perBody = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> answeredPerBody = new ConcurrentHashMap<>();

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

  /** The last user message of every request received, in arrival order. */
  public List<String> userMessages() {
    return userMessages;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).replace("null", ""));
      byte[] raw = ex.getRequestBody().readAllBytes();
      JsonNode req = Json.mapper().readTree(raw);
      String model = req.path("model").asText();
      JsonNode msgs = req.path("messages");
      String question = msgs.path(msgs.size() - 1).path("content").asText();
      userMessages.add(question);
      int seen = perBody.computeIfAbsent(new String(raw, StandardCharsets.UTF_8), k -> new AtomicInteger())
          .incrementAndGet();
      Script sc = script;
      if (sc != null) {
        Reply r = sc.reply(model, question, seen);
        if (r.retryAfter() != null) {
          ex.getResponseHeaders().add("Retry-After", r.retryAfter());
        }
        if (r.status() == 200) {
          answeredPerBody.computeIfAbsent(new String(raw, StandardCharsets.UTF_8), k -> new AtomicInteger())
              .incrementAndGet();
        }
        send(ex, r.status(), r.body());
        return;
      }
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
