package dev.quarry.eval;

import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.ChatRequest;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.ResponseCache;
import dev.quarry.eval.score.AnswerScores;
import dev.quarry.eval.score.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks every prompt of an eval of the model (and the baseline), at most {@code concurrency} requests at a time,
 * through the response cache, and scores the answers. Results are in the prompts' order whatever order the
 * answers arrive in. Progress is reported from the calling thread.
 */
public final class EvalRunner {
  /**
   * How to ask.
   *
   * @param model the model to evaluate
   * @param baseline the model to compare with, or "" for none
   * @param temperature sampling temperature
   * @param maxTokens answer token limit
   * @param concurrency requests in flight at most
   */
  public record Settings(String model, String baseline, double temperature, int maxTokens, int concurrency) {
    /** Checks the values. */
    public Settings {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
      }
    }
  }

  private final OpenAiClient client;
  private final Optional<ResponseCache> cache;
  private final Scoring scoring;
  private final ProgressListener progress;
  private final AnswerRedactor redactor;

  /** A runner over a client, an optional cache and the scoring, redacting secrets with the default settings. */
  public EvalRunner(OpenAiClient client, Optional<ResponseCache> cache, Scoring scoring, ProgressListener progress) {
    this(client, cache, scoring, progress, new AnswerRedactor(QuarryConfig.defaults()));
  }

  /** A runner whose answers and failure reasons pass through {@code redactor} before anything else sees them. */
  public EvalRunner(OpenAiClient client, Optional<ResponseCache> cache, Scoring scoring, ProgressListener progress,
      AnswerRedactor redactor) {
    this.client = client;
    this.cache = cache;
    this.scoring = scoring;
    this.progress = progress;
    this.redactor = redactor;
  }

  /** Runs the eval. Never throws for what the server does: failures are recorded per prompt. */
  public EvalResult run(List<EvalItem> items, Settings s) {
    List<String> models = s.baseline().isEmpty() ? List.of(s.model()) : List.of(s.model(), s.baseline());
    ModelAnswer[][] answers = new ModelAnswer[models.size()][items.size()];
    AtomicLong hits = new AtomicLong();
    long before = client.requests();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(s.concurrency(), items.size() * models.size()),
        r -> {
          Thread t = new Thread(r, "quarry-eval");
          t.setDaemon(true);
          return t;
        });
    try {
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      int tasks = 0;
      for (int i = 0; i < items.size(); i++) {
        for (int m = 0; m < models.size(); m++) {
          int item = i;
          int model = m;
          done.submit(() -> {
            answers[model][item] = answer(items.get(item), models.get(model), s, hits);
            return null;
          });
          tasks++;
        }
      }
      progress.start("eval", tasks);
      for (int t = 0; t < tasks; t++) {
        done.take().get();
        progress.advance(1);
      }
      progress.done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("eval interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<ItemResult> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(new ItemResult(items.get(i), answers[0][i], models.size() > 1 ? answers[1][i] : null));
    }
    return new EvalResult(s.model(), s.baseline(), out, client.requests() - before, hits.get());
  }

  private ModelAnswer answer(EvalItem item, String model, Settings s, AtomicLong hits) {
    ChatRequest req = new ChatRequest(model, item.prompt(), s.temperature(), s.maxTokens());
    Optional<ChatOutcome.Answered> cached = cache.flatMap(c -> c.get(req));
    ChatOutcome outcome;
    if (cached.isPresent()) {
      hits.incrementAndGet();
      outcome = redactor.outcome(cached.get());
    } else {
      outcome = redactor.outcome(client.complete(req));
      if (outcome instanceof ChatOutcome.Answered a) {
        cache.ifPresent(c -> c.put(req, a));
      }
    }
    AnswerScores scores = outcome instanceof ChatOutcome.Answered a ? scoring.score(a.content(), item)
        : AnswerScores.missing();
    return new ModelAnswer(outcome, scores);
  }
}
