package dev.quarry.validate;

import java.util.List;

/**
 * A record {@code --fix} changed.
 *
 * @param from its id before
 * @param to its id after (recomputed from the new messages)
 * @param accepted whether the repaired record passed re-validation
 * @param fixes the changes, in order
 */
public record FixedRecord(String from, String to, boolean accepted, List<Fix> fixes) {
  /** Copies the list. */
  public FixedRecord {
    fixes = List.copyOf(fixes);
  }
}
