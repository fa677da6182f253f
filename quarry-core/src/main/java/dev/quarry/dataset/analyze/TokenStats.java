package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token counts of a population (messages of one role, or whole examples), exact (nearest-rank
 * percentiles over a histogram).
 *
 * @param count number of items measured
 * @param total sum of tokens
 * @param min fewest tokens (0 when count is 0)
 * @param p50 median, nearest rank
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max most tokens
 */
public record TokenStats(long count, long total, int min, int p50, int p90, int p99, int max) {
  /** Mean tokens per item, 0 when empty. */
  public double mean() {
    return count == 0 ? 0 : (double) total / count;
  }

  /** {@code {count, total, mean, min, p50, p90, p99, max}}; mean rounded to one decimal. */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("count", count).put("total", total)
        .put("mean", Math.round(mean() * 10) / 10.0).put("min", min).put("p50", p50).put("p90", p90)
        .put("p99", p99).put("max", max);
  }
}
