package dev.quarry.validate;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import java.util.List;

/**
 * What a {@link FixableRule} proposes: the repaired messages and the changes made, or, for a repair that also
 * touches other fields (a secret redacted in {@code tags} or {@code meta}), the whole repaired record.
 *
 * @param messages the conversation after the repair
 * @param fixes the changes, in order; never empty
 * @param whole the whole repaired record when the repair changed more than the messages, else {@code null}
 *     (use {@link #applyTo})
 */
public record Repair(List<Message> messages, List<Fix> fixes, Example whole) {
  /** Copies both lists. */
  public Repair {
    messages = List.copyOf(whole == null ? messages : whole.messages());
    fixes = List.copyOf(fixes);
    if (fixes.isEmpty()) {
      throw new IllegalArgumentException("a repair lists at least one fix");
    }
  }

  /** A repair of the messages only. */
  public Repair(List<Message> messages, List<Fix> fixes) {
    this(messages, fixes, null);
  }

  /** A repair of the whole record (any field). */
  public static Repair of(Example repaired, List<Fix> fixes) {
    return new Repair(repaired.messages(), fixes, repaired);
  }

  /**
   * {@code e} repaired: the whole record when one was given, else {@code e} with the repaired messages.
   *
   * @throws dev.quarry.model.RecordException when the repair breaks the record
   */
  public Example applyTo(Example e) {
    return whole != null ? whole : e.withMessages(messages);
  }
}
