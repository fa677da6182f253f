package dev.quarry.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of the results that code-running rules left in {@code meta.execution} and {@code meta.typecheck}:
 * in total, per extractor and per category, for {@code validation.json}. Not thread-safe.
 */
final class CheckCounts {
  static final String[] KEYS = {"execution", "typecheck"};
  private static final String[] STATUSES = {"passed", "failed", "error", "timeout", "skipped"};

  /** meta key → group ("" total, "extractor:x", "category:y") → counts in {@link #STATUSES} order. */
  private final Map<String, Map<String, long[]>> counts = new TreeMap<>();

  void add(Example e) {
    for (String key : KEYS) {
      JsonNode n = e.meta().path(key).path("status");
      if (!n.isTextual()) {
        continue;
      }
      int i = java.util.Arrays.asList(STATUSES).indexOf(n.asText());
      if (i < 0) {
        continue;
      }
      Map<String, long[]> groups = counts.computeIfAbsent(key, k -> new TreeMap<>());
      groups.computeIfAbsent("", k -> new long[STATUSES.length])[i]++;
      groups.computeIfAbsent("extractor:" + e.source().extractor(), k -> new long[STATUSES.length])[i]++;
      groups.computeIfAbsent("category:" + e.category(), k -> new long[STATUSES.length])[i]++;
    }
  }

  /** {@code {"execution": {executed, passed, …, pass_rate, by_extractor, by_category}, "typecheck": …}}. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    counts.forEach((key, groups) -> {
      ObjectNode k = row(groups.get(""));
      ObjectNode ex = k.putObject("by_extractor");
      ObjectNode cat = k.putObject("by_category");
      groups.forEach((g, c) -> {
        if (g.startsWith("extractor:")) {
          ex.set(g.substring(10), row(c));
        } else if (g.startsWith("category:")) {
          cat.set(g.substring(9), row(c));
        }
      });
      o.set(key, k);
    });
    return o;
  }

  private static ObjectNode row(long[] c) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    long ran = c[0] + c[1] + c[2] + c[3];
    r.put("executed", ran);
    for (int i = 0; i < STATUSES.length; i++) {
      r.put(STATUSES[i], c[i]);
    }
    r.put("pass_rate", ran == 0 ? null : Math.round(1000.0 * c[0] / ran) / 1000.0);
    return r;
  }
}
