package dev.quarry.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of grounded synthesis ({@code synth:} in quarry.yaml, issue 13). Synthesis runs only when the section
 * names both an endpoint and a model ({@link #configured()}); the API key is never in the file, only the name of
 * the environment variable holding it.
 *
 * @param endpoint the OpenAI-compatible server, e.g. {@code http://localhost:8000/v1}; "" when not configured
 * @param model the model name the server knows; "" when not configured
 * @param apiKeyEnv the environment variable holding the API key (unset or empty: no key is sent)
 * @param strategies strategy ids in the order they are tried, e.g. {@code self-align}, {@code evolve-fix-bug}
 * @param samples samples asked per instruction (at most one of them is kept)
 * @param overshoot instructions planned per missing example (more than 1 leaves room for rejections)
 * @param temperature sampling temperature of the generation requests
 * @param answerTokens the token limit of one answer
 * @param maxRequests the cap on generation and judge requests of one run; 0 = no cap
 * @param maxTokens the cap on the estimated tokens (prompt plus answer limit) of one run; 0 = no cap
 * @param concurrency requests in flight at most
 * @param retries retries on 429, 5xx and timeouts
 * @param timeoutSeconds the limit on one request
 * @param judge whether the model also scores each candidate (1 to 5, with a rationale kept in meta)
 * @param minJudgeScore candidates the judge scores below this are rejected
 * @param nearDuplicate n-gram overlap with a mined example at or above which a candidate is a near-duplicate
 * @param probes evaluation files (JSONL) a candidate must not overlap, relative to the repository
 * @param cache the response cache folder; "" = {@code OUT/.quarry-synth-cache}
 * @param templates strategy id to a file replacing its built-in template, relative to quarry.yaml
 * @param seed seed of the retry jitter
 */
public record SynthSettings(String endpoint, String model, String apiKeyEnv, List<String> strategies, int samples,
    double overshoot, double temperature, int answerTokens, int maxRequests, long maxTokens, int concurrency,
    int retries, double timeoutSeconds, boolean judge, double minJudgeScore, double nearDuplicate, List<String> probes,
    String cache, Map<String, String> templates, long seed) {
  /** Every built-in strategy id, in the default order. */
  public static final List<String> STRATEGIES = List.of("self-align", "evolve-constraint", "evolve-error-case",
      "evolve-fix-bug", "evolve-refactor", "docs-qa");

  /**
   * Every template {@code synth.templates} may replace: the strategies', the judge's and {@code focus} (the
   * paragraph naming the API surface an instruction is built around).
   */
  public static final List<String> TEMPLATE_IDS = java.util.stream.Stream.concat(STRATEGIES.stream(),
      java.util.stream.Stream.of("judge", "focus")).toList();

  /** Copies collections. */
  public SynthSettings {
    strategies = List.copyOf(strategies);
    probes = List.copyOf(probes);
    templates = java.util.Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  /** Not configured: synthesis does not run. */
  public static SynthSettings none() {
    return new SynthSettings("", "", "QUARRY_API_KEY", STRATEGIES, 2, 2.0, 0.7, 1024, 0, 0, 4, 3, 120, false, 3,
        0.8, List.of(), "", Map.of(), 42);
  }

  /** Whether synthesis runs: an endpoint and a model are configured. */
  public boolean configured() {
    return !endpoint.isBlank() && !model.isBlank();
  }

  /** These settings with other caps (0 keeps a cap off), e.g. from the command line. */
  public SynthSettings withCaps(int newMaxRequests, long newMaxTokens) {
    return new SynthSettings(endpoint, model, apiKeyEnv, strategies, samples, overshoot, temperature, answerTokens,
        newMaxRequests, newMaxTokens, concurrency, retries, timeoutSeconds, judge, minJudgeScore, nearDuplicate, probes,
        cache, templates, seed);
  }

  /** These settings against another server and model (tests, and {@code quarry synth --endpoint}). */
  public SynthSettings withEndpoint(String newEndpoint, String newModel) {
    return new SynthSettings(newEndpoint, newModel, apiKeyEnv, strategies, samples, overshoot, temperature,
        answerTokens, maxRequests, maxTokens, concurrency, retries, timeoutSeconds, judge, minJudgeScore, nearDuplicate,
        probes, cache, templates, seed);
  }
}
