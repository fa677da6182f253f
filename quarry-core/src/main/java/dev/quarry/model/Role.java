package dev.quarry.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The author of a chat message, as written in JSON ({@code system}, {@code user}, {@code assistant}, and
 * {@code tool} for the result of a function call an assistant turn made).
 */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL;

  /** The wire name, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name exactly (case-sensitive, as OpenAI's format is); empty when unknown. */
  public static Optional<Role> fromWire(String s) {
    for (Role r : values()) {
      if (r.wire().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
