package dev.quarry.extract.explain;

import java.util.Objects;

/**
 * A piece of repository knowledge with the place it came from. Immutable.
 *
 * @param text the text (a rule sentence, an assertion, a call line, a whole test)
 * @param path the file, relative to the repository root
 * @param first the first line, 1-based
 * @param last the last line, inclusive
 */
public record Sourced(String text, String path, int first, int last) {
  /** Checks the fields. */
  public Sourced {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(path, "path");
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("bad lines " + first + "-" + last + " of " + path);
    }
  }
}
