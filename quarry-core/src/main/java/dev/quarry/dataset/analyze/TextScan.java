package dev.quarry.dataset.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer split into its fenced code blocks and the prose around them. Immutable.
 *
 * @param code the code blocks' bodies, in order
 * @param prose the text outside code blocks
 */
record TextScan(List<String> code, String prose) {
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```[^\\n]*\\n(.*?)^\\s*```");

  TextScan {
    code = List.copyOf(code);
  }

  /** Splits {@code text}; an unclosed fence leaves the rest as prose. */
  static TextScan of(String text) {
    List<String> code = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    Matcher m = FENCE.matcher(text);
    int at = 0;
    while (m.find()) {
      prose.append(text, at, m.start()).append('\n');
      code.add(m.group(1));
      at = m.end();
    }
    prose.append(text.substring(at));
    return new TextScan(code, prose.toString());
  }

  /** Whether the answer has code. */
  boolean hasCode() {
    return !code.isEmpty();
  }

  /** Non-blank prose lines. */
  long proseLines() {
    return prose.lines().filter(l -> !l.isBlank()).count();
  }

  /** Whether {@code word} (lower case) occurs in {@code lower} with no letter or digit either side. */
  static boolean containsWord(String lower, String word) {
    int from = 0;
    while (true) {
      int i = lower.indexOf(word, from);
      if (i < 0) {
        return false;
      }
      int end = i + word.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
      boolean endOk = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = i + 1;
    }
  }
}
