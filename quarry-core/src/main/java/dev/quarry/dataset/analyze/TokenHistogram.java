package dev.quarry.dataset.analyze;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact distribution of non-negative token counts in bounded memory: a dense array for counts below
 * {@value #DENSE} (256 KiB) and a sorted map for the rare longer items. Not thread-safe.
 */
final class TokenHistogram {
  static final int DENSE = 1 << 16;
  private final long[] dense = new long[DENSE];
  private final TreeMap<Integer, Long> sparse = new TreeMap<>();
  private long count;
  private long total;
  private int min = Integer.MAX_VALUE;
  private int max;

  void add(int tokens) {
    if (tokens < DENSE) {
      dense[tokens]++;
    } else {
      sparse.merge(tokens, 1L, Long::sum);
    }
    count++;
    total += tokens;
    min = Math.min(min, tokens);
    max = Math.max(max, tokens);
  }

  long count() {
    return count;
  }

  TokenStats stats() {
    if (count == 0) {
      return new TokenStats(0, 0, 0, 0, 0, 0, 0);
    }
    return new TokenStats(count, total, min, rank(0.5), rank(0.9), rank(0.99), max);
  }

  /** The smallest value v with at least ceil(p * count) items at or below v. */
  private int rank(double p) {
    long need = Math.max(1, (long) Math.ceil(p * count));
    long seen = 0;
    for (int v = min; v < DENSE && v <= max; v++) {
      seen += dense[v];
      if (seen >= need) {
        return v;
      }
    }
    for (Map.Entry<Integer, Long> e : sparse.entrySet()) {
      seen += e.getValue();
      if (seen >= need) {
        return e.getKey();
      }
    }
    return max;
  }
}
