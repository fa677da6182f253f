package dev.quarry.eval.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.ProgressListener;
import dev.quarry.eval.EvalItem;
import dev.quarry.eval.EvalResult;
import dev.quarry.eval.EvalRunner;
import dev.quarry.eval.report.HtmlReport;
import dev.quarry.eval.report.JsonReport;
import dev.quarry.eval.report.ReportInfo;
import dev.quarry.eval.score.Scoring;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.model.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval client against servers that misbehave on purpose, over real HTTP on 127.0.0.1. */
class HostileServerTest {
  private static final String KEY = "sk-hostile-7f3a9c21d4e8b6051a2f";
  private static final String OK =
      "{\"choices\":[{\"message\":{\"content\":\"```python\\nprint('hi')\\n```\"},\"finish_reason\":\"stop\"}]}";

  @TempDir
  Path tmp;

  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
    pool.shutdownNow();
  }

  private String serve(HttpHandler h) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        h.handle(ex);
      } catch (IOException e) {
        // the client hung up, as it should
      }
    });
    s.setExecutor(pool);
    s.start();
    servers.add(s);
    return "http://127.0.0.1:" + s.getAddress().getPort() + "/v1";
  }

  private static OpenAiClient client(String endpoint, Duration timeout) {
    return new OpenAiClient(endpoint, Optional.of(KEY), timeout, RetryPolicy.defaults(1).withRetries(0), d -> { });
  }

  private static ChatRequest request() {
    return new ChatRequest("acme", List.of(Message.user("q")), 0, 256);
  }

  @Test
  void anEndlessBodyIsCutAtTheByteCapAndRefused() throws Exception {
    AtomicLong sent = new AtomicLong();
    String url = serve(ex -> {
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'A');
      try (OutputStream o = ex.getResponseBody()) {
        o.write("{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.UTF_8));
        while (true) {
          o.write(chunk);
          sent.addAndGet(chunk.length);
        }
      }
    });
    long start = System.nanoTime();
    ChatOutcome o = client(url, Duration.ofSeconds(20)).complete(request());
    assertThat(o).isInstanceOf(ChatOutcome.Failed.class);
    assertThat(((ChatOutcome.Failed) o).reason()).startsWith("response refused: its body is over "
        + OpenAiClient.bodyCap(256) + " bytes");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aHugeAnnouncedBodyIsRefusedBeforeItIsRead() throws Exception {
    long huge = 100L * 1024 * 1024;
    AtomicLong sent = new AtomicLong();
    String url = serve(ex -> {
      ex.sendResponseHeaders(200, huge);
      byte[] chunk = new byte[1024 * 1024];
      try (OutputStream o = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          o.write(chunk);
          sent.addAndGet(chunk.length);
        }
      }
    });
    ChatOutcome o = client(url, Duration.ofSeconds(20)).complete(request());
    assertThat(((ChatOutcome.Failed) o).reason()).startsWith("response refused: its body is over");
    assertThat(sent.get()).as("the server could not push the 100 MB: the client hung up").isLessThan(huge);
  }

  @Test
  void aDrippingBodyEndsAtTheDeadlineOfTheWholeRequest() throws Exception {
    String url = serve(ex -> {
      byte[] b = OK.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        for (byte x : b) {
          o.write(x);
          o.flush();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    });
    long start = System.nanoTime();
    ChatOutcome o = client(url, Duration.ofMillis(1500)).complete(request());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(o).isEqualTo(new ChatOutcome.Failed("timed out after 1500 ms", 1));
    assertThat(took).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aKeyEchoedInAnErrorBodyAppearsInNoMessageReportOrCacheEntry() throws Exception {
    String url = serve(ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      boolean error = ex.getRequestURI().getPath().endsWith("completions") && ex.getRequestHeaders()
          .getFirst("Content-Type") != null && counter.getAndIncrement() % 2 == 0;
      String body = error ? "{\"error\":{\"message\":\"bad request, you sent Authorization: " + auth
          + " \\u001b[2J\\u001b]0;pwned\\u0007\"}}"
          : "{\"choices\":[{\"message\":{\"content\":\"your key is " + auth.replace("/", "\\/")
              + " and AKIAZ7QW3ERT5YUI2OPA is mine\"},\"finish_reason\":\"stop\"}]}";
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(error ? 400 : 200, b.length);
      ex.getResponseBody().write(b);
    });
    OpenAiClient c = client(url, Duration.ofSeconds(5));
    Path cache = tmp.resolve("cache");
    List<EvalItem> items = List.of(item("a"), item("b"));
    Scoring scoring = Scoring.defaults(SymbolIndex.empty());
    EvalResult r = new EvalRunner(c, Optional.of(new ResponseCache(cache)), scoring, ProgressListener.NONE)
        .run(items, new EvalRunner.Settings("acme", "", 0, 256, 1));
    String reason = ((ChatOutcome.Failed) r.items().get(0).adapter().outcome()).reason();
    assertThat(reason).startsWith("HTTP 400: bad request, you sent Authorization: Bearer <REDACTED:api-key …[sha256:")
        .doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(r.items().get(1).adapter().scores().overall()).as("an answer holding a secret is not clean").isZero();
    ReportInfo info = new ReportInfo(c.url().toString(), "p.jsonl", "0", 0, 256, 1, "", 0);
    JsonReport.write(tmp.resolve("report.json"), JsonReport.build(r, scoring, info));
    HtmlReport.write(tmp.resolve("report.html"), HtmlReport.render(r, scoring, info));
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String s = Files.readString(f);
        assertThat(s).as(f.toString()).doesNotContain(KEY).doesNotContain("7f3a9c21d4e8b6051a2f")
            .doesNotContain("AKIAZ7QW3ERT5YUI2OPA");
      }
    }
    assertThat(Files.readString(tmp.resolve("report.json"))).contains("<REDACTED:aws-access-key AKIA…[sha256:");
  }

  private final AtomicLong counter = new AtomicLong();

  @Test
  void aRedirectToAnotherOriginIsNotFollowedSoTheKeyStaysAndNothingIsScored() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    String other = serve(ex -> {
      seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization"));
      byte[] b = OK.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
    });
    for (int status : new int[] {302, 303, 307, 308}) {
      String url = serve(ex -> {
        ex.getResponseHeaders().add("Location", other + "/chat/completions");
        ex.sendResponseHeaders(status, -1);
      });
      ChatOutcome o = client(url, Duration.ofSeconds(5)).complete(request());
      assertThat(o).as("HTTP " + status).isInstanceOf(ChatOutcome.Failed.class);
      assertThat(((ChatOutcome.Failed) o).reason()).startsWith("HTTP " + status + " redirect to http://127.0.0.1:")
          .contains("not followed");
    }
    assertThat(seen).as("the other origin never saw a request, let alone the key").isEmpty();
  }

  @Test
  void aSameOrigin302IsNotTurnedIntoAGetWhoseAnswerIsScored() throws Exception {
    List<String> methods = new CopyOnWriteArrayList<>();
    String url = serve(ex -> {
      methods.add(ex.getRequestMethod());
      if (ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().add("Location", "/elsewhere");
        ex.sendResponseHeaders(302, -1);
        return;
      }
      byte[] b = OK.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
    });
    ChatOutcome o = client(url, Duration.ofSeconds(5)).complete(request());
    assertThat(o).isInstanceOf(ChatOutcome.Failed.class);
    assertThat(methods).containsExactly("POST");
  }

  private static EvalItem item(String q) {
    return new EvalItem("q-" + q, "sdk", "python", List.of(Message.user(q)), "```python\nprint('hi')\n```");
  }
}
