package dev.quarry.synth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a synthesis run asks, before anything is asked: the requests in order, their token bound, and what the
 * caps cut ({@code quarry synth --dry-run} prints this).
 *
 * @param tasks the generation requests kept within the caps, in plan order
 * @param missing per category still short of its target, the examples it misses (the deficit plan), in plan order
 * @param cutByCaps generation requests dropped by {@code max_requests} / {@code max_tokens}
 * @param judged whether each candidate also costs one judge request (not in {@code tasks})
 */
public record SynthPlan(List<SynthTask> tasks, Map<String, Long> missing, int cutByCaps, boolean judged) {
  /** Copies. */
  public SynthPlan {
    tasks = List.copyOf(tasks);
    missing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missing));
  }

  /** Generation requests. */
  public int requests() {
    return tasks.size();
  }

  /** The bound on tokens of the generation requests: estimated prompt tokens plus the answer limit, summed. */
  public long tokens() {
    return tasks.stream().mapToLong(SynthTask::estimatedTokens).sum();
  }

  /** Instructions per seed id (each asked {@code samples} times), sorted. */
  public Map<String, Long> instructionsPerSeed() {
    Map<String, Long> m = new TreeMap<>();
    tasks.stream().filter(t -> t.sample() == 1).forEach(t -> m.merge(t.seed().id(), 1L, Long::sum));
    return m;
  }

  /** Instructions per API surface they are built around ({@code kind name}), sorted; none without an API map. */
  public Map<String, Long> instructionsPerFocus() {
    Map<String, Long> m = new TreeMap<>();
    tasks.stream().filter(t -> t.sample() == 1 && !t.focus().isEmpty()).forEach(t -> m.merge(t.focus(), 1L, Long::sum));
    return m;
  }

  /** Generation requests per strategy id, sorted. */
  public Map<String, Long> requestsPerStrategy() {
    Map<String, Long> m = new TreeMap<>();
    tasks.forEach(t -> m.merge(t.strategy().id(), 1L, Long::sum));
    return m;
  }
}
