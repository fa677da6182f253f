package dev.quarry.eval.report;

import dev.quarry.eval.EvalResult;
import dev.quarry.eval.ItemResult;
import dev.quarry.eval.ModelAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scores of a group of prompts (all of them, or one category): each model's aggregate and, with a
 * baseline, the paired comparison.
 *
 * @param adapter the evaluated model's aggregate
 * @param baseline the baseline's, or {@code null} without a baseline
 * @param comparison adapter against baseline, or {@code null} without a baseline
 */
public record Breakdown(Aggregate adapter, Aggregate baseline, PairedComparison comparison) {
  /** The baseline's aggregate, when there is a baseline. */
  public Optional<Aggregate> baselineIfAny() {
    return Optional.ofNullable(baseline);
  }

  /** The comparison, when there is a baseline. */
  public Optional<PairedComparison> comparisonIfAny() {
    return Optional.ofNullable(comparison);
  }

  /** The breakdown of every prompt. */
  public static Breakdown overall(EvalResult r, List<String> scorerIds, long seed) {
    return of(r.items(), scorerIds, seed);
  }

  /** One breakdown per category, sorted by category; prompts without a category are under {@code (none)}. */
  public static SortedMap<String, Breakdown> byCategory(EvalResult r, List<String> scorerIds, long seed) {
    SortedMap<String, List<ItemResult>> groups = new TreeMap<>();
    for (ItemResult i : r.items()) {
      String c = i.item().category().isEmpty() ? "(none)" : i.item().category();
      groups.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
    }
    SortedMap<String, Breakdown> out = new TreeMap<>();
    for (Map.Entry<String, List<ItemResult>> e : groups.entrySet()) {
      out.put(e.getKey(), of(e.getValue(), scorerIds, seed));
    }
    return out;
  }

  private static Breakdown of(List<ItemResult> items, List<String> scorerIds, long seed) {
    List<ModelAnswer> a = items.stream().map(ItemResult::adapter).toList();
    Aggregate adapter = Aggregate.of(a, scorerIds);
    if (items.isEmpty() || items.get(0).baseline() == null) {
      return new Breakdown(adapter, null, null);
    }
    List<ModelAnswer> b = items.stream().map(ItemResult::baseline).toList();
    double[] x = a.stream().mapToDouble(m -> m.scores().overall()).toArray();
    double[] y = b.stream().mapToDouble(m -> m.scores().overall()).toArray();
    return new Breakdown(adapter, Aggregate.of(b, scorerIds), PairedComparison.of(x, y, seed));
  }
}
