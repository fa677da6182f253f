package dev.quarry.dataset.balance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a generation step should produce to reach the targets: per category below its target, how many
 * examples are missing and which source files and symbols (from the coverage inputs) have no example yet.
 *
 * @param entries per category, in configuration order, only categories with {@code missing > 0}
 * @param coverageKnown whether coverage inputs were given; without them {@code uncovered} lists are empty
 */
public record DeficitPlan(List<Entry> entries, boolean coverageKnown) {
  /**
   * One category's deficit.
   *
   * @param category category name
   * @param target configured target
   * @param have examples after balancing
   * @param missing {@code target - have}
   * @param coveredFiles source files that already have an example in this category
   * @param uncovered source file ({@code repo:path}) to symbols not yet covered, sorted; a file with no symbol
   *     maps to an empty set
   */
  public record Entry(String category, long target, long have, long missing, long coveredFiles,
      Map<String, SortedSet<String>> uncovered) {
    /** Copies the map, sorted. */
    public Entry {
      TreeMap<String, SortedSet<String>> m = new TreeMap<>();
      uncovered.forEach((k, v) -> m.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
      uncovered = Collections.unmodifiableMap(m);
    }
  }

  /** Copies the list. */
  public DeficitPlan {
    entries = List.copyOf(entries);
  }

  /**
   * The plan as JSON, the input contract of a generation step:
   * <pre>{@code
   * {"kind": "quarry-deficit-plan", "version": 1, "coverage_known": true,
   *  "categories": [{"category", "target", "have", "missing", "covered_files",
   *                  "uncovered": [{"source": "repo:path", "symbols": ["…"]}]}]}
   * }</pre>
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("kind", "quarry-deficit-plan").put("version", 1).put("coverage_known", coverageKnown);
    ArrayNode cats = o.putArray("categories");
    for (Entry e : entries) {
      ObjectNode c = cats.addObject().put("category", e.category()).put("target", e.target())
          .put("have", e.have()).put("missing", e.missing()).put("covered_files", e.coveredFiles());
      ArrayNode un = c.putArray("uncovered");
      e.uncovered().forEach((file, symbols) -> {
        ArrayNode s = un.addObject().put("source", file).putArray("symbols");
        symbols.forEach(s::add);
      });
    }
    return o;
  }
}
