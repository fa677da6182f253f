package dev.quarry.validate;

import dev.quarry.syntax.Grammar;

/**
 * The text of a code block as it is parsed, with the line numbers of the block unchanged: Python is dedented
 * (an answer often shows a method cut out of its class; CPython would reject the common indentation, which
 * is an artefact of the excerpt, not of the code), and a shell block written as a console session keeps only
 * its commands ({@code $ } prompts removed, output lines blanked).
 */
public final class CodeSource {
  private CodeSource() {}

  /** The parse text of {@code b}. */
  public static String of(CodeBlock b) {
    Grammar g = b.grammar().orElse(null);
    if (g == Grammar.PYTHON) {
      return dedent(b.code());
    }
    if (g == Grammar.BASH && b.code().lines().anyMatch(l -> l.startsWith("$ "))) {
      return commands(b.code());
    }
    return b.code();
  }

  static String dedent(String code) {
    int common = Integer.MAX_VALUE;
    for (String l : code.split("\n", -1)) {
      if (l.isBlank()) {
        continue;
      }
      int n = 0;
      while (n < l.length() && l.charAt(n) == ' ') {
        n++;
      }
      common = Math.min(common, n);
    }
    if (common == 0 || common == Integer.MAX_VALUE) {
      return code;
    }
    StringBuilder sb = new StringBuilder(code.length());
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      sb.append(l.isBlank() ? "" : l.substring(common));
      if (i < lines.length - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String commands(String code) {
    StringBuilder sb = new StringBuilder(code.length());
    boolean continued = false;
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("$ ")) {
        sb.append(l.substring(2));
        continued = l.endsWith("\\");
      } else if (continued) {
        sb.append(l);
        continued = l.endsWith("\\");
      }
      if (i < lines.length - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
