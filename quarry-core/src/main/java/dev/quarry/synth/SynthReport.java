package dev.quarry.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a synthesis run did, written as {@code reports/synthesis.json}. Holds only what the inputs and the answers
 * decide, so a rerun from a warm cache writes the same bytes; how many answers came over HTTP and how many from the
 * cache is in {@link #httpRequests} / {@link #cacheHits}, which are not part of {@link #toJson}.
 *
 * @param model the model asked
 * @param planned generation requests planned within the caps
 * @param plannedTokens their token bound
 * @param cutByCaps generation requests the caps dropped
 * @param judgeRequests judge requests made (0 without {@code judge})
 * @param strategies counts per strategy id, sorted
 * @param missing per category short of its target, the examples it missed before synthesis
 * @param kept per category, the examples kept
 * @param httpRequests HTTP requests this run sent
 * @param cacheHits answers this run took from the cache
 * @param focus per API surface ({@code kind name}), the planned instructions built around it, sorted
 */
public record SynthReport(String model, long planned, long plannedTokens, long cutByCaps, long judgeRequests,
    Map<String, StrategyCounts> strategies, Map<String, Long> missing, Map<String, Long> kept, long httpRequests,
    long cacheHits, Map<String, Long> focus) {
  /** Copies the maps. */
  public SynthReport {
    focus = Collections.unmodifiableMap(new java.util.TreeMap<>(focus));
    strategies = Collections.unmodifiableMap(new java.util.TreeMap<>(strategies));
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
  }

  /** All strategies together. */
  public StrategyCounts total() {
    return strategies.values().stream().reduce(StrategyCounts.empty(), StrategyCounts::plus);
  }

  /** The categories whose deficit synthesis did not fill, with how many are still missing. */
  public Map<String, Long> unfilled() {
    Map<String, Long> m = new LinkedHashMap<>();
    missing.forEach((c, n) -> {
      long left = n - kept.getOrDefault(c, 0L);
      if (left > 0) {
        m.put(c, left);
      }
    });
    return m;
  }

  /**
   * {@code {stage, model, planned_requests, planned_tokens, cut_by_caps, judge_requests, totals, strategies: {id:
   * counts}, categories: {name: {missing, kept}}, focus: {"kind name": instructions}}}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("stage", "synthesize").put("model", model)
        .put("planned_requests", planned).put("planned_tokens", plannedTokens).put("cut_by_caps", cutByCaps)
        .put("judge_requests", judgeRequests);
    o.set("totals", total().toJson());
    ObjectNode s = o.putObject("strategies");
    strategies.forEach((k, v) -> s.set(k, v.toJson()));
    ObjectNode c = o.putObject("categories");
    missing.forEach((k, v) -> c.putObject(k).put("missing", v).put("kept", kept.getOrDefault(k, 0L)));
    ObjectNode f = o.putObject("focus");
    focus.forEach(f::put);
    return o;
  }

  /** The manifest's counts of the stage: {@code {requested, returned, rejected, unneeded, kept}}. */
  public ObjectNode counts() {
    StrategyCounts t = total();
    return JsonNodeFactory.instance.objectNode().put("requested", t.requested()).put("returned", t.returned())
        .put("rejected", t.rejectedTotal()).put("unneeded", t.unneeded()).put("kept", t.kept());
  }
}
