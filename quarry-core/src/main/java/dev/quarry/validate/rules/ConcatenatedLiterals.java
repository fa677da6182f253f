package dev.quarry.validate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A view of a text in which adjacent string literals are joined, so that a key built by concatenation
 * ({@code "sk-" + "abc…"}, Python's implicit {@code "sk-" "abc…"}, {@code 'a' . 'b'}, {@code "a" || "b"}, a
 * backslash-continued line, a JavaScript template part {@code `sk-${"abc"}`}) is scanned as one value. A seam is
 * a closing quote, optional blanks, an optional concatenation operator, blanks and an opening quote; removing the
 * seams gives the joined text, and offsets in it map back to the original. The view is only scanned in addition
 * to the original text, so a seam found by mistake costs nothing in recall.
 */
final class ConcatenatedLiterals {
  private static final String BLANK = "(?:[ \\t\\r\\n]|\\\\\\r?\\n){0,80}+";
  private static final Pattern SEAM = Pattern.compile("[\"'`]" + BLANK + "(?:(?:\\+|\\.\\.?|\\|\\||&|~)" + BLANK
      + ")?[\"'`]|\\$\\{\\s{0,8}+[\"'`]|[\"'`]\\s{0,8}+\\}");

  private final String text;
  private final int[] seamAt;
  private final int[] removedBefore;

  private ConcatenatedLiterals(String text, int[] seamAt, int[] removedBefore) {
    this.text = text;
    this.seamAt = seamAt;
    this.removedBefore = removedBefore;
  }

  /** The joined view of {@code original}, or empty when it has no seam. */
  static Optional<ConcatenatedLiterals> of(String original) {
    Matcher m = SEAM.matcher(original);
    StringBuilder joined = null;
    List<int[]> seams = new ArrayList<>();
    int last = 0;
    int removed = 0;
    while (m.find()) {
      if (joined == null) {
        joined = new StringBuilder(original.length());
      }
      joined.append(original, last, m.start());
      removed += m.end() - m.start();
      seams.add(new int[] {joined.length(), removed});
      last = m.end();
    }
    if (joined == null) {
      return Optional.empty();
    }
    joined.append(original, last, original.length());
    int[] at = new int[seams.size()];
    int[] before = new int[seams.size()];
    for (int i = 0; i < seams.size(); i++) {
      at[i] = seams.get(i)[0];
      before[i] = seams.get(i)[1];
    }
    return Optional.of(new ConcatenatedLiterals(joined.toString(), at, before));
  }

  /** The joined text. */
  String text() {
    return text;
  }

  /** The original offset of the character at {@code joined} in the joined text. */
  int originalStart(int joined) {
    return joined + removedUpTo(joined);
  }

  /** The original end (exclusive) of a span ending (exclusive) at {@code joined}. */
  int originalEnd(int joined) {
    return joined == 0 ? 0 : originalStart(joined - 1) + 1;
  }

  /** Characters removed by seams at joined positions ≤ {@code joined}. */
  private int removedUpTo(int joined) {
    int lo = 0;
    int hi = seamAt.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (seamAt[mid] <= joined) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 0 : removedBefore[found];
  }
}
