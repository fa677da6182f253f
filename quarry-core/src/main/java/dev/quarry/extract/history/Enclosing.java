package dev.quarry.extract.history;

/**
 * Widens a range of lines to the top-level definitions around it (by indentation: a block starts at a line in
 * column 0 with the decorators above it and ends before the next line in column 0 that does not close it), so
 * a prompt shows whole functions and classes instead of a hunk's three lines of context. Works for Python and
 * for brace languages formatted in the usual way.
 */
final class Enclosing {
  private Enclosing() {}

  /**
   * The widened range, 1-based inclusive, or the range itself ± 3 lines when the definitions would be longer
   * than {@code maxLines}.
   *
   * @param text the file
   * @param first first line of interest (1-based)
   * @param last last line of interest
   * @param maxLines the longest range returned
   */
  static int[] of(String text, int first, int last, int maxLines) {
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    if (n == 0) {
      return new int[] {1, 1};
    }
    int a = clamp(first, n);
    int b = clamp(last, n);
    while (a < b && lines[a - 1].isBlank()) {
      a++;
    }
    while (b > a && lines[b - 1].isBlank()) {
      b--;
    }
    int s = a;
    while (s > 1 && continues(lines[s - 1])) {
      s--;
    }
    while (s > 1 && (lines[s - 2].startsWith("@") || lines[s - 2].startsWith("#") && !lines[s - 2].startsWith("#!"))) {
      s--;
    }
    int e = b;
    while (e < n && continues(lines[e])) {
      e++;
    }
    while (e > s && lines[e - 1].isBlank()) {
      e--;
    }
    while (s < e && lines[s - 1].isBlank()) {
      s++;
    }
    if (e - s + 1 > maxLines) {
      int fs = Math.max(1, a - 3);
      int fe = Math.min(n, b + 3);
      while (fs < fe && lines[fs - 1].isBlank()) {
        fs++;
      }
      while (fe > fs && lines[fe - 1].isBlank()) {
        fe--;
      }
      return new int[] {fs, fe};
    }
    return new int[] {s, e};
  }

  /** Lines {@code range} of {@code text}, joined with {@code \n}. */
  static String slice(String text, int[] range) {
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = range[0]; i <= range[1] && i <= lines.length; i++) {
      sb.append(lines[i - 1]).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  /** Whether a line belongs to the block above it: blank, indented, or closing a bracket. */
  private static boolean continues(String line) {
    if (line.isBlank()) {
      return true;
    }
    char c = line.charAt(0);
    return c == ' ' || c == '\t' || c == '}' || c == ')' || c == ']';
  }

  private static int clamp(int v, int n) {
    return Math.max(1, Math.min(v, n));
  }
}
