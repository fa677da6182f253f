package dev.quarry.model;

import java.util.Objects;

/**
 * One reason a record was rejected or flagged (SPEC §1 {@code rejection[]}).
 *
 * @param rule the stable id of the rule, e.g. {@code schema}, {@code secrets}
 * @param severity how serious
 * @param message what is wrong; never contains a secret in clear text
 * @param location where: {@code role:line} (e.g. {@code assistant:14}) or {@code line:N} for a file line
 */
public record Rejection(String rule, Severity severity, String message, String location) {
  /** Null-checks every field. */
  public Rejection {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** An error finding. */
  public static Rejection error(String rule, String message, String location) {
    return new Rejection(rule, Severity.ERROR, message, location);
  }
}
