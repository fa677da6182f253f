package dev.quarry.dataset.analyze;

import dev.quarry.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line spans every extractor mined, per source file, to tell which records share a span with another
 * extractor. Holds three ints per record with lines; records without lines (whole files) are not indexed.
 */
final class SpanIndex {
  private final Map<String, List<int[]>> byPath = new HashMap<>();
  private final Map<String, Integer> extractorIds = new HashMap<>();

  /** Records the span of {@code s}. */
  void add(Source s) {
    if (s.lines() == null) {
      return;
    }
    int ex = extractorIds.computeIfAbsent(s.extractor(), k -> extractorIds.size());
    byPath.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(new int[] {s.lines().first(), s.lines().last(), ex});
  }

  /** Whether another extractor mined lines of {@code s}'s file that intersect {@code s}'s lines. */
  boolean sharedWithOtherExtractor(Source s) {
    if (s.lines() == null) {
      return false;
    }
    Integer ex = extractorIds.get(s.extractor());
    for (int[] span : byPath.getOrDefault(s.path(), List.of())) {
      if ((ex == null || span[2] != ex) && span[0] <= s.lines().last() && s.lines().first() <= span[1]) {
        return true;
      }
    }
    return false;
  }
}
