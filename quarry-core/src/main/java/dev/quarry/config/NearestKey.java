package dev.quarry.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid key closest to a mistyped one (Levenshtein distance), for "did you mean" hints. */
final class NearestKey {
  private NearestKey() {}

  /** The closest of {@code valid} to {@code key}, when it is close enough to be a plausible typo. */
  static Optional<String> of(String key, Collection<String> valid) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String v : valid) {
      int d = distance(key.toLowerCase(), v.toLowerCase());
      if (d < bestDistance || (d == bestDistance && best != null && v.compareTo(best) < 0)) {
        best = v;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(2, Math.max(key.length(), best.length()) / 3);
    boolean prefix = best.startsWith(key) || key.startsWith(best);
    return bestDistance <= allowed || prefix ? Optional.of(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
