package dev.quarry.eval.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown answer.
 *
 * @param label the fence's info string, first word, lower case ("" when none)
 * @param code the code between the fences
 * @param line 1-based line of the opening fence in the text
 */
public record CodeBlock(String label, String code, int line) {
  private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})[ \\t]*([^`\\n]*)$", Pattern.MULTILINE);

  /**
   * The fenced blocks of {@code markdown}, in order. An unclosed fence runs to the end of the text, as in
   * CommonMark.
   */
  public static List<CodeBlock> of(String markdown) {
    List<CodeBlock> out = new ArrayList<>();
    Matcher m = FENCE.matcher(markdown);
    int from = 0;
    while (from <= markdown.length() && m.find(from)) {
      String fence = m.group(2);
      String info = m.group(3).strip();
      String label = info.isEmpty() ? "" : info.split("[\\s{,]", 2)[0].toLowerCase(java.util.Locale.ROOT);
      int bodyStart = Math.min(markdown.length(), m.end() + 1);
      int line = lineOf(markdown, m.start());
      Pattern close = Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(fence.charAt(0))) + "{" + fence.length()
          + ",}[ \\t]*$", Pattern.MULTILINE);
      Matcher c = close.matcher(markdown);
      if (c.find(bodyStart)) {
        out.add(new CodeBlock(label, markdown.substring(bodyStart, Math.max(bodyStart, c.start())), line));
        from = c.end();
      } else {
        out.add(new CodeBlock(label, markdown.substring(bodyStart), line));
        break;
      }
    }
    return out;
  }

  /** The code of every block, joined by newlines. */
  public static String allCode(String markdown) {
    StringBuilder sb = new StringBuilder();
    for (CodeBlock b : of(markdown)) {
      sb.append(b.code()).append('\n');
    }
    return sb.toString();
  }

  private static int lineOf(String s, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
