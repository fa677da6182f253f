package dev.quarry.eval.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.UsageException;
import dev.quarry.io.Json;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of an OpenAI-compatible {@code /v1/chat/completions} endpoint (vLLM, Ollama, llama.cpp server, TGI,
 * LiteLLM…). Never throws for what a server does: every answer or failure becomes a {@link ChatOutcome}, so one
 * bad prompt does not stop a run. Thread-safe; one instance serves all of a run's threads.
 */
public final class OpenAiClient {
  private static final int MAX_ERROR_CHARS = 200;

  private final URI url;
  private final Optional<String> apiKey;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final AtomicLong requests = new AtomicLong();

  /**
   * A client.
   *
   * @param endpoint the server: {@code http://host:port}, {@code …/v1} or the full {@code …/v1/chat/completions}
   * @param apiKey the bearer token, if the server needs one (read from the environment by the caller)
   * @param timeout the limit on one HTTP request, from connecting to the last byte
   * @param retry when to ask again
   * @param sleeper how to wait between attempts
   */
  public OpenAiClient(String endpoint, Optional<String> apiKey, Duration timeout, RetryPolicy retry, Sleeper sleeper) {
    this.url = completionsUrl(endpoint);
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.retry = retry;
    this.sleeper = sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
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
      Attempt a = once(body);
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

  private Attempt once(String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
    HttpResponse<String> r;
    requests.incrementAndGet();
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return new Attempt(null, "timed out after " + timeout.toMillis() + " ms", null);
    } catch (IOException e) {
      return new Attempt(null, "connection failed: " + oneLine(String.valueOf(e.getMessage())), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(new ChatOutcome.Failed("interrupted", 0), null, null);
    }
    int status = r.statusCode();
    if (status == 429 || status >= 500) {
      return new Attempt(null, "HTTP " + status + errorMessage(r.body()), retryAfter(r));
    }
    if (status != 200) {
      String hint = status == 401 || status == 403 ? " (check the API key variable)"
          : status == 404 ? " (check --endpoint and that the server serves --model)" : "";
      return new Attempt(new ChatOutcome.Failed("HTTP " + status + errorMessage(r.body()) + hint, 0), null, null);
    }
    return new Attempt(parse(r.body()), null, null);
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

  private static Duration retryAfter(HttpResponse<String> r) {
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

  private static String errorMessage(String body) {
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
    msg = oneLine(msg);
    return ": " + (msg.length() > MAX_ERROR_CHARS ? msg.substring(0, MAX_ERROR_CHARS) + "…" : msg);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
