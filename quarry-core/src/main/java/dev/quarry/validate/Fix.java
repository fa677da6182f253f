package dev.quarry.validate;

import java.util.Objects;

/**
 * One safe change {@code --fix} made to a record, listed in the report and in the fixed record's
 * {@code meta.fixes}. Never contains a secret in clear text.
 *
 * @param rule the rule whose finding it repairs
 * @param location where, as in {@link Finding#location()}, before the change
 * @param description what was changed, e.g. {@code removed attribution trailer line}
 */
public record Fix(String rule, String location, String description) {
  /** Null-checks every field. */
  public Fix {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(description, "description");
  }
}
