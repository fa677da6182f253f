package dev.quarry.eval.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.UsageException;
import dev.quarry.io.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client of an OpenAI-compatible {@code /v1/chat/completions} endpoint (vLLM, Ollama, llama.cpp server, TGI,
 * LiteLLM…). Never throws for what a server does: every answer or failure becomes a {@link ChatOutcome}, so one
 * bad prompt does not stop a run. Thread-safe; one instance serves all of a run's threads.
 *
 * <p>Hardened against a hostile or broken server: each request has one deadline covering the whole exchange,
 * body included; bodies are read with a byte cap derived from {@code max_tokens} ({@link #bodyCap}), so memory
 * is bounded by construction; redirects are never followed (the key and the prompt go only to the endpoint);
 * and the API key is masked in every answer and message, which are also freed of terminal control characters.
 */
public final class OpenAiClient {
  /** The byte cap on a body that is not an answer (errors, redirects): only its first words are shown. */
  static final long ERROR_BODY_CAP = 64 * 1024;
  private static final long BYTES_PER_TOKEN = 64;
  private static final long JSON_OVERHEAD = 64 * 1024;

  private final URI url;
  private final Optional<String> apiKey;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final AtomicLong requests = new AtomicLong();
  private final ServerText text;

  /**
   * A client.
   *
   * @param endpoint the server: {@code http://host:port}, {@code …/v1} or the full {@code …/v1/chat/completions}
   * @param apiKey the bearer token, if the server needs one (read from the environment by the caller)
   * @param timeout the limit on one HTTP request, from connecting to the last byte of the body
   * @param retry when to ask again
   * @param sleeper how to wait between attempts
   */
  public OpenAiClient(String endpoint, Optional<String> apiKey, Duration timeout, RetryPolicy retry, Sleeper sleeper) {
    this.url = completionsUrl(endpoint);
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.retry = retry;
    this.sleeper = sleeper;
    this.text = new ServerText(apiKey);
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * The completions URL of an endpoint.
   *
   * @throws UsageException when it is not an http(s) URL
   */
  public static URI completionsUrl(String endpoint) {
    String e = endpoint.strip();
    while (e.endsWith("/")) {
      e = e.substring(0, e.length() - 1);
    }
    if (!e.endsWith("/chat/completions")) {
      e += e.endsWith("/v1") ? "/chat/completions" : "/v1/chat/completions";
    }
    URI u;
    try {
      u = new URI(e);
    } catch (URISyntaxException x) {
      u = null;
    }
    if (u != null && u.getRawUserInfo() != null) {
      // Never echo it: the user part is a credential.
      throw new UsageException("--endpoint has credentials in it",
          "remove them from the URL and put the API key in the environment variable named by --api-key-env");
    }
    if (u == null || !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
      throw new UsageException("--endpoint \"" + endpoint + "\" is not an http(s) URL",
          "give the server's base URL, e.g. http://localhost:8000/v1");
    }
    return u;
  }

  /** The URL requests go to. */
  public URI url() {
    return url;
  }

  /** HTTP requests sent so far. */
  public long requests() {
    return requests.get();
  }

  /** Asks one question, retrying as the policy says. Returns a failure instead of throwing. */
  public ChatOutcome complete(ChatRequest request) {
    String body;
    try {
      body = Json.mapper().writeValueAsString(request.body());
    } catch (JsonProcessingException e) {
      return new ChatOutcome.Failed("cannot encode the request: " + e.getOriginalMessage(), 0);
    }
    SplittableRandom random = retry.random(request.cacheKey());
    int attempt = 0;
    while (true) {
      attempt++;
      Attempt a = once(body, request.maxTokens());
      if (a.outcome != null) {
        ChatOutcome o = a.outcome;
        return o instanceof ChatOutcome.Answered ans
            ? new ChatOutcome.Answered(ans.content(), ans.finishReason(), attempt, false)
            : new ChatOutcome.Failed(((ChatOutcome.Failed) o).reason(), attempt);
      }
      if (attempt > retry.retries()) {
        return new ChatOutcome.Failed(a.retryableReason + (attempt > 1 ? " after " + attempt + " attempts" : ""),
            attempt);
      }
      try {
        sleeper.sleep(retry.delay(attempt, a.retryAfter, random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ChatOutcome.Failed("interrupted", attempt);
      }
    }
  }

  /** One HTTP exchange: a final outcome, or a retryable reason with an optional Retry-After. */
  private record Attempt(ChatOutcome outcome, String retryableReason, Duration retryAfter) {}

  /**
   * One request, bounded in time and memory: it must be complete — headers and the whole body — within the
   * timeout, and its body is read into at most {@link #bodyCap} bytes (an error body into {@link #ERROR_BODY_CAP}),
   * see {@link CappedBody}.
   */
  private Attempt once(String body, int maxTokens) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
    long cap = bodyCap(maxTokens);
    AtomicReference<CappedBody> reading = new AtomicReference<>();
    HttpResponse.BodyHandler<CappedBody.Body> handler = info -> {
      long limit = info.statusCode() == 200 ? cap : ERROR_BODY_CAP;
      CappedBody c = new CappedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
      reading.set(c);
      return c;
    };
    requests.incrementAndGet();
    CompletableFuture<HttpResponse<CappedBody.Body>> pending = http.sendAsync(b.build(), handler);
    HttpResponse<CappedBody.Body> r;
    try {
      r = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop(pending, reading, e);
      return new Attempt(null, "timed out after " + timeout.toMillis() + " ms", null);
    } catch (InterruptedException e) {
      stop(pending, reading, e);
      Thread.currentThread().interrupt();
      return new Attempt(new ChatOutcome.Failed("interrupted", 0), null, null);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof HttpTimeoutException) {
        return new Attempt(null, "timed out after " + timeout.toMillis() + " ms", null);
      }
      return new Attempt(null, "connection failed: " + text.message(String.valueOf(c.getMessage())), null);
    }
    int status = r.statusCode();
    CappedBody.Body got = r.body();
    String answer = new String(got.bytes(), StandardCharsets.UTF_8);
    if (status >= 300 && status < 400) {
      return new Attempt(new ChatOutcome.Failed(redirect(r), 0), null, null);
    }
    if (status == 429 || status >= 500) {
      return new Attempt(null, "HTTP " + status + errorMessage(answer), retryAfter(r));
    }
    if (status != 200) {
      String hint = status == 401 || status == 403 ? " (check the API key variable)"
          : status == 404 ? " (check --endpoint and that the server serves --model)" : "";
      return new Attempt(new ChatOutcome.Failed("HTTP " + status + errorMessage(answer) + hint, 0), null, null);
    }
    if (got.overCap()) {
      return new Attempt(new ChatOutcome.Failed("response refused: its body is over " + cap + " bytes, the cap for "
          + "--max-tokens " + maxTokens + " (check that --endpoint is a chat completions server)", 0), null, null);
    }
    ChatOutcome o = parse(answer);
    if (o instanceof ChatOutcome.Answered a) {
      o = new ChatOutcome.Answered(text.masked(a.content()), text.message(a.finishReason()), 0, false);
    } else {
      o = new ChatOutcome.Failed(text.message(((ChatOutcome.Failed) o).reason()), 0);
    }
    return new Attempt(o, null, null);
  }

  /**
   * The byte cap on a 200 body for an answer of at most {@code maxTokens} tokens: {@value #BYTES_PER_TOKEN}
   * bytes a token plus {@value #JSON_OVERHEAD} bytes of JSON around it. A token is a few characters; 64 bytes
   * covers a token of 10 characters each written as a six-byte JSON escape (backslash, u, four hex digits), so
   * no honest answer reaches it, while a body that does is refused after at most this many bytes were read
   * (1024 tokens: 128 KiB).
   */
  static long bodyCap(int maxTokens) {
    return JSON_OVERHEAD + BYTES_PER_TOKEN * (long) Math.max(1, maxTokens);
  }

  /** Ends a request that ran past its deadline: no further byte is read, and the connection is closed. */
  private static void stop(CompletableFuture<?> pending, AtomicReference<CappedBody> reading, Exception why) {
    CappedBody c = reading.get();
    if (c != null) {
      c.abort(why);
    }
    pending.cancel(true);
  }

  /**
   * A redirect is an error, never followed: following it would send the prompt — and, to another origin, the
   * key — where the user did not point {@code --endpoint}, and a 302 or 303 would turn the POST into a GET whose
   * answer is not a completion. The message names only the target's origin.
   */
  private String redirect(HttpResponse<?> r) {
    String to = r.headers().firstValue("Location").map(l -> {
      try {
        URI u = url.resolve(l.strip());
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
      } catch (IllegalArgumentException e) {
        return "an invalid location";
      }
    }).orElse("nowhere (no Location)");
    return "HTTP " + r.statusCode() + " redirect to " + text.message(to) + " not followed (redirects are refused so "
        + "that the prompt and the API key go nowhere but --endpoint; give the final URL as --endpoint)";
  }

  /** Parses a 200 body; anything but a string at {@code choices[0].message.content} is a failure. */
  static ChatOutcome parse(String body) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return new ChatOutcome.Failed("malformed response: not JSON (" + oneLine(e.getOriginalMessage()) + ")", 0);
    }
    JsonNode choice = n == null ? null : n.path("choices").path(0);
    JsonNode content = choice == null ? null : choice.path("message").path("content");
    if (content == null || !content.isTextual()) {
      return new ChatOutcome.Failed("malformed response: no choices[0].message.content string", 0);
    }
    return new ChatOutcome.Answered(content.asText(), choice.path("finish_reason").asText(""), 0, false);
  }

  private static Duration retryAfter(HttpResponse<?> r) {
    Optional<String> h = r.headers().firstValue("Retry-After");
    if (h.isEmpty()) {
      return null;
    }
    String v = h.get().strip();
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException x) {
        return null;
      }
    }
  }

  private String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String msg = body;
    try {
      JsonNode n = Json.mapper().readTree(body);
      JsonNode m = n.path("error").isTextual() ? n.path("error") : n.path("error").path("message");
      if (m.isTextual()) {
        msg = m.asText();
      }
    } catch (JsonProcessingException e) {
      msg = body;
    }
    return ": " + text.message(msg);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
