package dev.quarry.dataset.balance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One category before and after balancing. {@code before - removed + repeated == after}.
 *
 * @param target configured target, 0 when none (or the category is not configured)
 * @param before examples in the input
 * @param after examples written (repeats included)
 * @param removed examples dropped by downsampling
 * @param repeated extra copies written ({@code --allow-repeat})
 * @param missing {@code max(0, target - after)}
 */
public record CategoryBalance(long target, long before, long after, long removed, long repeated, long missing) {
  /** Checks the arithmetic. */
  public CategoryBalance {
    if (before - removed + repeated != after) {
      throw new IllegalStateException("category balance does not add up");
    }
  }

  /** {@code {target, before, after, removed, repeated, missing}}. */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("target", target).put("before", before).put("after", after)
        .put("removed", removed).put("repeated", repeated).put("missing", missing);
  }
}
