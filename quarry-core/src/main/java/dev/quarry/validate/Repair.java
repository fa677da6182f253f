package dev.quarry.validate;

import dev.quarry.model.Message;
import java.util.List;

/**
 * What a {@link FixableRule} proposes: the repaired messages and the changes made.
 *
 * @param messages the conversation after the repair
 * @param fixes the changes, in order; never empty
 */
public record Repair(List<Message> messages, List<Fix> fixes) {
  /** Copies both lists. */
  public Repair {
    messages = List.copyOf(messages);
    fixes = List.copyOf(fixes);
    if (fixes.isEmpty()) {
      throw new IllegalArgumentException("a repair lists at least one fix");
    }
  }
}
