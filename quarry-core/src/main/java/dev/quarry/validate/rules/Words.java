package dev.quarry.validate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@link FoldedText} into sub-words: runs of {@code [a-z0-9]} broken at letter/digit changes and at
 * camel-case humps of the original ({@code OpenAIClient} gives {@code open ai client}). Each sub-word records
 * how it is separated from the previous one: nothing (a hump or digit change), a joiner
 * ({@value #JOINERS}, markup, a removed tag) inside one word, or a real break (white space, other punctuation).
 */
final class Words {
  /** Characters that join the parts of one word: {@code claude-3}, {@code Cl**aude**}, {@code claude_client}. */
  static final String JOINERS = "-_.*~`'/|+[]" + FoldedText.JOIN;

  /** Characters that may space out single letters ({@code C - l - a - u - d - e}, {@code C . l . a}). */
  static final String SPACERS = " \t-_.*~`'/|+,:\u00A0" + FoldedText.JOIN;

  /** How a sub-word is separated from the one before it. */
  enum Gap { NONE, JOINER, BREAK }

  /**
   * One sub-word.
   *
   * @param text its folded letters and digits
   * @param start offset in the folded text
   * @param end end offset (exclusive) in the folded text
   * @param gap separation from the previous sub-word
   * @param gapLength folded characters between the previous sub-word and this one
   * @param spaced whether that gap is only {@link #SPACERS} (no line break, no other punctuation)
   * @param capital whether its first letter was upper case in the original
   */
  record Word(String text, int start, int end, Gap gap, int gapLength, boolean spaced, boolean capital) {
    /** Whether the gap before this word is exactly one space. */
    boolean singleSpace() {
      return gap == Gap.BREAK && gapLength == 1 && spaced;
    }
  }

  private Words() {}

  static List<Word> of(FoldedText f) {
    String s = f.text();
    List<Word> out = new ArrayList<>();
    int i = 0;
    int prevEnd = 0;
    Gap gap = Gap.BREAK;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!alnum(c)) {
        if (JOINERS.indexOf(c) < 0) {
          gap = Gap.BREAK;
        } else if (gap != Gap.BREAK) {
          gap = Gap.JOINER;
        }
        i++;
        continue;
      }
      int start = i;
      i++;
      while (i < s.length() && alnum(s.charAt(i)) && !hump(f, s, i)) {
        i++;
      }
      boolean spaced = true;
      for (int k = prevEnd; k < start && spaced; k++) {
        spaced = SPACERS.indexOf(s.charAt(k)) >= 0;
      }
      out.add(new Word(s.substring(start, i), start, i, out.isEmpty() ? Gap.BREAK : gap, start - prevEnd,
          spaced && !out.isEmpty(), f.upper(start)));
      prevEnd = i;
      gap = Gap.NONE;
    }
    return out;
  }

  /** Whether a new sub-word starts at {@code i} inside a run of letters and digits. */
  private static boolean hump(FoldedText f, String s, int i) {
    char a = s.charAt(i - 1);
    char b = s.charAt(i);
    if (Character.isDigit(a) != Character.isDigit(b)) {
      return true;
    }
    if (Character.isDigit(b)) {
      return false;
    }
    boolean ua = f.upper(i - 1);
    boolean ub = f.upper(i);
    if (!ua && ub) {
      return true;
    }
    return ua && ub && i + 1 < s.length() && !f.upper(i + 1) && Character.isLetter(s.charAt(i + 1))
        && alnum(s.charAt(i + 1));
  }

  static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
