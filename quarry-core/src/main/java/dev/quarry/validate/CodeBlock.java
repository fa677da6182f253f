package dev.quarry.validate;

import dev.quarry.syntax.Grammar;
import java.util.Optional;

/**
 * A fenced code block of a message ({@code ```python … ```} or {@code ~~~}).
 *
 * @param message 0-based index of the message it is in
 * @param label the first word of the info string, lower case; empty for an unlabelled block
 * @param code the code between the fences, with the fence's indentation removed, ending with a newline
 *     unless empty
 * @param firstLine 1-based line, within the message, of the first line of code (the line after the fence)
 * @param closed whether a closing fence was found (an unclosed block runs to the end of the message)
 * @param grammar the grammar that parses it: from the label, or detected for an unlabelled block
 * @param detected whether {@code grammar} was guessed from the code rather than read from the label
 */
public record CodeBlock(int message, String label, String code, int firstLine, boolean closed,
    Optional<Grammar> grammar, boolean detected) {

  /** The 1-based line within the message of line {@code codeLine} (1-based) of the code. */
  public int messageLine(int codeLine) {
    return firstLine + codeLine - 1;
  }

  /** The language name for messages: the grammar's id, else the label, else {@code unlabelled}. */
  public String languageName() {
    return grammar.map(Grammar::id).orElse(label.isEmpty() ? "unlabelled" : label);
  }
}
