package dev.quarry.model;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. Only {@link #ERROR} rejects a record. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The wire name, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error|warning|info}; empty when unknown. */
  public static Optional<Severity> fromWire(String s) {
    for (Severity v : values()) {
      if (v.wire().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Whether this is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
