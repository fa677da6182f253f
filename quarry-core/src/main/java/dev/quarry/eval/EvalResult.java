package dev.quarry.eval;

import java.util.List;

/**
 * Everything a run produced, in the prompts' order (whatever order the answers arrived in).
 *
 * @param model the evaluated model
 * @param baseline the baseline model, or "" when none
 * @param items one result per prompt, in input order
 * @param httpRequests HTTP requests sent (retries included)
 * @param cacheHits answers taken from the cache
 */
public record EvalResult(String model, String baseline, List<ItemResult> items, long httpRequests, long cacheHits) {
  /** Copies the list. */
  public EvalResult {
    items = List.copyOf(items);
  }

  /** Whether the run compared against a baseline. */
  public boolean hasBaseline() {
    return !baseline.isEmpty();
  }

  /** Prompts the evaluated model failed to answer. */
  public long failures() {
    return items.stream().filter(i -> i.adapter().failed()).count();
  }
}
