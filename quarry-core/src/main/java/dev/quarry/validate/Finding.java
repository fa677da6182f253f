package dev.quarry.validate;

import dev.quarry.model.Rejection;
import dev.quarry.model.Severity;
import java.util.Objects;

/**
 * One thing a {@link Rule} found wrong with an example. Messages never contain a secret or personal data in
 * clear text: rules quote such values only as fingerprints ({@code AKIA…[sha256:1a2b3c4d]}).
 *
 * @param rule id of the rule that found it
 * @param severity how serious; only {@link Severity#ERROR} rejects a record
 * @param message what is wrong and, where it helps, what to do
 * @param location where, see {@link Locations}: {@code assistant:14}, {@code assistant#2:3}, {@code category}
 */
public record Finding(String rule, Severity severity, String message, String location) {
  /** Null-checks every field. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** An error: the record is rejected. */
  public static Finding error(String rule, String message, String location) {
    return new Finding(rule, Severity.ERROR, message, location);
  }

  /** A warning: reported, the record is kept. */
  public static Finding warning(String rule, String message, String location) {
    return new Finding(rule, Severity.WARNING, message, location);
  }

  /** Information: reported, the record is kept. */
  public static Finding info(String rule, String message, String location) {
    return new Finding(rule, Severity.INFO, message, location);
  }

  /** A finding of the given severity. */
  public static Finding of(String rule, Severity severity, String message, String location) {
    return new Finding(rule, severity, message, location);
  }

  /** This finding with another severity (configured overrides). */
  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, message, location);
  }

  /** As a SPEC §1 rejection entry. */
  public Rejection toRejection() {
    return new Rejection(rule, severity, message, location);
  }

  /** From a reader's rejection of a malformed line. */
  public static Finding of(Rejection r) {
    return new Finding(r.rule(), r.severity(), r.message(), r.location());
  }
}
