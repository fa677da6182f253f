package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.List;
import org.treesitter.TSNode;

/** Cuts code out of a file as a self-contained snippet: whole lines, common indentation removed. */
public final class Snippet {
  private Snippet() {}

  /** The text from the start of {@code first}'s line to the end of {@code last}, dedented. */
  public static String of(SourceTree tree, TSNode first, TSNode last) {
    int start = first.getStartByte();
    int column = first.getStartPoint().getColumn();
    String prefix = tree.text(start - column, start);
    String body = tree.text(start, last.getEndByte());
    if (!prefix.isBlank()) {
      return dedent(body);
    }
    // Code lines of a node that starts at column c are indented at least c; lines indented less are inside a
    // multi-line string literal, so they keep their text: remove at most c leading blanks from each line.
    return dedent(stripUpTo(prefix + body, column));
  }

  private static String stripUpTo(String text, int column) {
    StringBuilder sb = new StringBuilder(text.length());
    for (String l : text.split("\n", -1)) {
      int i = 0;
      while (i < column && i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
        i++;
      }
      sb.append(l, i, l.length()).append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** Removes the indentation common to all non-blank lines and trailing whitespace of each line. */
  public static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
          i++;
        }
        common = Math.min(common, i);
      }
    }
    if (common == Integer.MAX_VALUE) {
      common = 0;
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      String s = l.isBlank() ? "" : l.substring(common).stripTrailing();
      sb.append(s).append('\n');
    }
    return sb.toString().strip().isEmpty() ? "" : trimBlankEdges(sb.toString());
  }

  private static String trimBlankEdges(String s) {
    int a = 0;
    while (a < s.length() && s.charAt(a) == '\n') {
      a++;
    }
    return s.substring(a).stripTrailing();
  }

  /** A Markdown fenced code block for {@code code}, with a fence longer than any backtick run inside. */
  public static String fence(String language, String code) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      run = code.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String f = "`".repeat(Math.max(3, longest + 1));
    return f + language + "\n" + code.stripTrailing() + "\n" + f;
  }
}
