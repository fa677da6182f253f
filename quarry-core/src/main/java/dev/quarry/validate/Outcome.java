package dev.quarry.validate;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import java.util.List;

/**
 * The verdict on one record.
 *
 * @param example the record to write: as read, or as repaired by {@code --fix}, with {@code meta.findings}
 * @param findings every finding with its effective severity, in rule order
 * @param applied for each active rule (in order), whether it applied to the record
 * @param fixed what {@code --fix} changed, or null when nothing
 */
record Outcome(Example example, List<Finding> findings, boolean[] applied, FixedRecord fixed) {
  boolean rejected() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
