package dev.quarry.validate;

import dev.quarry.syntax.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the fenced code blocks of a Markdown text. Follows CommonMark for fences (three or more backticks or
 * tildes, closed by a fence of the same character at least as long, info string after the opening fence)
 * with one deliberate difference: a fence indented four spaces or more still counts, because answers often
 * nest code blocks in list items. An unclosed fence runs to the end of the text, as in CommonMark.
 */
public final class CodeBlocks {
  private CodeBlocks() {}

  /** The code blocks of {@code text}, which is message {@code message} of its example, in order. */
  public static List<CodeBlock> of(int message, String text) {
    List<CodeBlock> out = new ArrayList<>();
    if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0) {
      return out;
    }
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      int indent = indent(line);
      String rest = line.substring(indent);
      char c = rest.isEmpty() ? 0 : rest.charAt(0);
      int run = (c == '`' || c == '~') ? run(rest, c) : 0;
      if (run < 3 || (c == '`' && rest.indexOf('`', run) >= 0)) {
        i++;
        continue;
      }
      String info = rest.substring(run).strip();
      StringBuilder code = new StringBuilder();
      int j = i + 1;
      boolean closed = false;
      for (; j < lines.length; j++) {
        String l = lines[j];
        String t = l.strip();
        if (!t.isEmpty() && t.charAt(0) == c && run(t, c) >= run && t.length() == run(t, c)) {
          closed = true;
          break;
        }
        code.append(l, Math.min(indent, indent(l)), l.length()).append('\n');
      }
      out.add(block(message, info, code.toString(), i + 2, closed));
      i = j + 1;
    }
    return out;
  }

  private static CodeBlock block(int message, String info, String code, int firstLine, boolean closed) {
    String label = firstWord(info);
    Optional<Grammar> g = label.isEmpty() ? Optional.empty() : Grammar.forFenceLabel(label);
    if (label.isEmpty()) {
      Optional<Grammar> guess = LanguageGuess.of(code);
      return new CodeBlock(message, label, code, firstLine, closed, guess, guess.isPresent());
    }
    return new CodeBlock(message, label, code, firstLine, closed, g, false);
  }

  private static String firstWord(String info) {
    String s = info.toLowerCase(Locale.ROOT);
    if (s.startsWith("{")) {
      s = s.substring(1);
    }
    if (s.startsWith(".")) {
      s = s.substring(1);
    }
    int end = 0;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "{},".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return s.substring(0, end);
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static int run(String s, char c) {
    int n = 0;
    while (n < s.length() && s.charAt(n) == c) {
      n++;
    }
    return n;
  }
}
