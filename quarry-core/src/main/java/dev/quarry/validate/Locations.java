package dev.quarry.validate;

import dev.quarry.model.Example;
import dev.quarry.model.Role;

/**
 * Builds the {@code location} of a finding. The form is {@code <role>[#<k>][:<line>]}: the role of the
 * message, {@code #k} when it is the k-th message of that role (k ≥ 2; the first has no suffix, so a
 * single-turn record reads {@code assistant:14}), and the 1-based line within that message's content. Findings
 * about a field use its name ({@code category}, {@code language}, {@code source.path}); findings about the
 * whole record use {@value #RECORD}; a line of the input file that is not a record uses {@code line:N}.
 */
public final class Locations {
  /** The location of a finding about the record as a whole. */
  public static final String RECORD = "record";

  private Locations() {}

  /** {@code role[#k]:line} for line {@code line} (1-based) of message {@code index} (0-based). */
  public static String of(Example e, int index, int line) {
    return message(e, index) + ":" + line;
  }

  /** {@code role[#k]} for message {@code index} (0-based) as a whole. */
  public static String message(Example e, int index) {
    Role role = e.messages().get(index).role();
    int k = 0;
    for (int i = 0; i <= index; i++) {
      if (e.messages().get(i).role() == role) {
        k++;
      }
    }
    return k == 1 ? role.wire() : role.wire() + "#" + k;
  }

  /** The 1-based line of character offset {@code offset} in {@code text}. */
  public static int lineAt(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
