package dev.quarry.dataset.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order in which balance prefers a category's records: records of each source file ranked by quality
 * (higher first) then id; files ranked by their best record the same way, then by key; then round-robin
 * over the files (every file's best, then every file's second best, …). Taking a prefix of this order
 * keeps the best examples while spreading them across source files. Pure and deterministic.
 */
final class Selection {
  private Selection() {}

  /**
   * @param members record indices of one category
   * @param quality quality score per record index
   * @param ids unsigned ids per record index
   * @param fileKeys source file key per record index
   * @return the members in preference order
   */
  static int[] order(List<Integer> members, long[] quality, long[] ids, String[] fileKeys) {
    Comparator<Integer> best = (a, b) -> {
      if (quality[a] != quality[b]) {
        return quality[a] > quality[b] ? -1 : 1;
      }
      int c = Long.compareUnsigned(ids[a], ids[b]);
      return c != 0 ? c : Integer.compare(a, b);
    };
    Map<String, List<Integer>> byFile = new TreeMap<>();
    for (int m : members) {
      byFile.computeIfAbsent(fileKeys[m], k -> new ArrayList<>()).add(m);
    }
    List<List<Integer>> files = new ArrayList<>(byFile.values());
    files.forEach(f -> f.sort(best));
    files.sort((a, b) -> {
      int c = best.compare(a.get(0), b.get(0));
      return c != 0 ? c : fileKeys[a.get(0)].compareTo(fileKeys[b.get(0)]);
    });
    int[] out = new int[members.size()];
    int n = 0;
    for (int round = 0; n < out.length; round++) {
      for (List<Integer> f : files) {
        if (round < f.size()) {
          out[n++] = f.get(round);
        }
      }
    }
    return out;
  }
}
