package dev.quarry.dataset.balance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Balancer#run} did. {@code in + repeated == out + removed}; without {@code --allow-repeat},
 * {@code repeated == 0} and so {@code in == out + removed}.
 *
 * @param in records read
 * @param out records written, repeats included
 * @param removed records dropped by downsampling
 * @param repeated extra copies written
 * @param allowRepeat the repetition limit used (0: never)
 * @param categories per category, configuration order then unconfigured by name
 * @param plan the deficit plan
 */
public record BalanceReport(long in, long out, long removed, long repeated, int allowRepeat,
    Map<String, CategoryBalance> categories, DeficitPlan plan) {
  /** Copies the map; checks the counts. */
  public BalanceReport {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    if (in + repeated != out + removed) {
      throw new IllegalStateException("balance counts do not add up");
    }
  }

  /**
   * {@code {stage, in, out, removed, repeated, allow_repeat, categories: {<name>: {target, before, after,
   * removed, repeated, missing}}, plan: <see DeficitPlan#toJson>}}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "balance").put("in", in).put("out", out).put("removed", removed).put("repeated", repeated)
        .put("allow_repeat", allowRepeat);
    ObjectNode c = o.putObject("categories");
    categories.forEach((k, v) -> c.set(k, v.toJson()));
    o.set("plan", plan.toJson());
    return o;
  }
}
