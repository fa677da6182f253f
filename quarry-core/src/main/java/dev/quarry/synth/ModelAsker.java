package dev.quarry.synth;

import dev.quarry.ProgressListener;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.ChatRequest;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.ResponseCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks many requests through eval's {@link OpenAiClient} and {@link ResponseCache}, at most {@code concurrency}
 * at a time; answers are cached as they arrive, so an interrupted run loses no answer it received. Outcomes come
 * back in request order whatever order they arrive in. Counts cache hits; the client counts HTTP requests.
 */
final class ModelAsker {
  private final OpenAiClient client;
  private final Optional<ResponseCache> cache;
  private final Optional<ResponseCache> failures;
  private final int concurrency;
  private final ProgressListener progress;
  private final AtomicLong hits = new AtomicLong();
  /** The folder of the cache holding permanent failures. */
  static final String FAILED = "failed";

  /**
   * @param cacheDir the response cache; answers go to it, and permanent failures (a body that is not a completion)
   *     to its {@code failed/} folder, so that a warm rerun asks nothing; transient failures (timeouts, 429 and
   *     5xx after the retries, connection errors) are never cached, so a rerun asks them again
   */
  ModelAsker(OpenAiClient client, Optional<Path> cacheDir, int concurrency, ProgressListener progress) {
    this.client = client;
    this.cache = cacheDir.map(ResponseCache::new);
    this.failures = cacheDir.map(d -> new ResponseCache(d.resolve(FAILED)));
    this.concurrency = concurrency;
    this.progress = progress;
  }

  /** The outcomes of {@code requests}, in order. */
  ChatOutcome[] ask(String what, List<ChatRequest> requests) {
    ChatOutcome[] out = new ChatOutcome[requests.size()];
    if (requests.isEmpty()) {
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, requests.size()), r -> {
      Thread t = new Thread(r, "quarry-synth");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < requests.size(); i++) {
        int k = i;
        done.submit(() -> {
          out[k] = one(requests.get(k));
          return null;
        });
      }
      progress.start(what, requests.size());
      for (int i = 0; i < requests.size(); i++) {
        done.take().get();
        progress.advance(1);
      }
      progress.done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("synthesis interrupted (answers received so far are cached)", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("synthesis failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private ChatOutcome one(ChatRequest req) {
    Optional<ChatOutcome.Answered> cached = cache.flatMap(c -> c.get(req));
    if (cached.isPresent()) {
      hits.incrementAndGet();
      return cached.get();
    }
    Optional<ChatOutcome.Answered> failed = failures.flatMap(c -> c.get(req));
    if (failed.isPresent()) {
      hits.incrementAndGet();
      return new ChatOutcome.Failed(failed.get().content(), 0);
    }
    ChatOutcome o = client.complete(req);
    if (o instanceof ChatOutcome.Failed f && permanent(f.reason())) {
      failures.ifPresent(c -> c.put(req, new ChatOutcome.Answered(f.reason(), "quarry-failed", 0, false)));
    }
    if (o instanceof ChatOutcome.Answered a) {
      // Truncated answers too: a warm rerun must ask nothing, and its verdict (truncated) is the same.
      cache.ifPresent(c -> c.put(req, a));
    }
    return o;
  }

  /** A failure the same request would meet again: the server answered 200 with something not a completion. */
  static boolean permanent(String reason) {
    return reason.startsWith("malformed response") || reason.startsWith("response refused");
  }

  /** Answers taken from the cache so far. */
  long cacheHits() {
    return hits.get();
  }

  /** HTTP requests sent so far. */
  long httpRequests() {
    return client.requests();
  }
}
