package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;

/** Prints a verb's final summary: JSON on stdout with {@code --json}, else a short text on stderr. */
final class Summary {
  private Summary() {}

  static void print(Terminal t, CommonOptions o, ObjectNode json, String text) {
    if (o.json) {
      try {
        t.out().println(Json.pretty().writeValueAsString(json));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else if (!o.quiet) {
      t.err().println(dev.quarry.io.TerminalText.lines(text));
    }
  }
}
