package dev.quarry.extract.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reStructuredText read as Markdown, one output line per input line so line numbers still point at the
 * {@code .rst} file: a section title underlined (and optionally overlined) with a repeated punctuation character
 * becomes a {@code #} heading whose level is the order in which that adornment style first appears;
 * {@code .. code-block:: lang} (also {@code code} and {@code sourcecode}) and {@code ::} literal blocks become
 * fenced code; {@code ``literal``} becomes {@code `literal`}; hyperlink targets and comments are blanked.
 */
final class RstText {
  private static final Pattern CODE = Pattern.compile("^(\\s*)\\.\\.\\s+(?:code-block|code|sourcecode)::\\s*(\\S*)\\s*$");
  private static final String ADORNMENT = "=-~^\"'`*+#:._";

  private RstText() {}

  /** The Markdown of a reStructuredText document with {@code \n} line ends. */
  static String toMarkdown(String text) {
    String[] in = text.split("\n", -1);
    String[] out = new String[in.length];
    List<String> styles = new ArrayList<>();
    boolean appendClose = false;
    int i = 0;
    while (i < in.length) {
      String line = in[i];
      Matcher code = CODE.matcher(line);
      boolean literal = !code.matches() && line.stripTrailing().endsWith("::") && !line.strip().startsWith("..");
      if (code.matches() || literal) {
        int indent = line.length() - line.stripLeading().length();
        String trimmed = line.stripTrailing();
        int j = i + 1;
        while (j < in.length && code.matches() && in[j].strip().startsWith(":") && indented(in[j], indent)) {
          j++;
        }
        int blockIndent = -1;
        int firstContent = -1;
        int lastContent = j - 1;
        for (; j < in.length; j++) {
          if (in[j].isBlank()) {
            continue;
          }
          if (!indented(in[j], indent)) {
            break;
          }
          int ind = in[j].length() - in[j].stripLeading().length();
          blockIndent = blockIndent < 0 ? ind : Math.min(blockIndent, ind);
          firstContent = firstContent < 0 ? j : firstContent;
          lastContent = j;
        }
        if (blockIndent < 0 || firstContent == i + 1) { // no indented block after a separating line: not code
          out[i] = inline(line);
          i++;
          continue;
        }
        // The directive line keeps the paragraph text ("for example::" reads "for example:"); the fence opens on
        // the line just before the block, which is blank or a directive option.
        out[i] = code.matches() || trimmed.strip().equals("::") ? ""
            : inline(trimmed.substring(0, trimmed.length() - 1));
        for (int k = i + 1; k < firstContent - 1; k++) {
          out[k] = "";
        }
        out[firstContent - 1] = "```" + (code.matches() ? code.group(2) : "");
        for (int k = firstContent; k <= lastContent; k++) {
          out[k] = in[k].isBlank() ? "" : in[k].substring(Math.min(blockIndent, in[k].length()));
        }
        if (lastContent + 1 < in.length && in[lastContent + 1].isBlank()) {
          out[lastContent + 1] = "```";
          i = lastContent + 2;
        } else {
          appendClose = appendClose || lastContent + 1 >= in.length;
          if (lastContent + 1 < in.length) {
            out[lastContent] = out[lastContent] + "\n```"; // malformed: no blank line before the next paragraph
          }
          i = lastContent + 1;
        }
        continue;
      }
      if (i + 1 < in.length && isTitle(line) && isAdornment(in[i + 1], line.strip().length())) {
        boolean over = i > 0 && out[i - 1] != null && isAdornment(in[i - 1], 1) && in[i - 1].strip().equals(in[i + 1].strip());
        String style = (over ? "o" : "u") + in[i + 1].strip().charAt(0);
        if (!styles.contains(style)) {
          styles.add(style);
        }
        if (over) {
          out[i - 1] = "";
        }
        out[i] = "#".repeat(styles.indexOf(style) + 1) + " " + inline(line.strip());
        out[i + 1] = "";
        i += 2;
        continue;
      }
      String s = line.strip();
      out[i] = s.startsWith(".. _") || s.equals("..") || (s.startsWith(".. ") && !s.contains("::")) ? "" : inline(line);
      i++;
    }
    String result = String.join("\n", out);
    return appendClose ? result + "\n```" : result;
  }

  private static boolean indented(String line, int indent) {
    return line.length() - line.stripLeading().length() > indent;
  }

  private static boolean isTitle(String line) {
    return !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !isAdornment(line, 1) && !line.startsWith("..");
  }

  private static boolean isAdornment(String line, int minLength) {
    String s = line.stripTrailing();
    if (s.length() < Math.max(minLength, 3) || ADORNMENT.indexOf(s.charAt(0)) < 0) {
      return false;
    }
    for (int k = 1; k < s.length(); k++) {
      if (s.charAt(k) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  private static String inline(String line) {
    return line.replace("``", "`");
  }
}
