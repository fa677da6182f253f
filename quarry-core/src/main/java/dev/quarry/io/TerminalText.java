package dev.quarry.io;

/**
 * Text made safe to print on a terminal. Text Quarry did not write — a server's error body, a model's answer, a
 * file name — may hold escape sequences that retitle the window, clear the screen, hide what follows or fake
 * output (ESC, CSI, OSC), or bidirectional overrides that reorder what is shown. Every C0 and C1 control
 * character, DEL, and every Unicode format character (bidi controls, zero-width characters) is shown as an
 * inert {@code \\u001b}-style escape instead, so the user sees that it was there and nothing acts on it.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code s} neutralised, on one line: line breaks and tabs become spaces, runs of white space one space. */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return neutralise(s.replaceAll("[\\t\\n\\r\\u000b\\f\\u0085\\u2028\\u2029]+", " "), false).strip();
  }

  /** {@code s} neutralised, keeping its line breaks and tabs. */
  public static String lines(String s) {
    return s == null ? "" : neutralise(s, true);
  }

  private static String neutralise(String s, boolean keepLines) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean kept = keepLines && (c == '\n' || c == '\t');
      if (!kept && unsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(String.format("\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static boolean unsafe(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT;
  }
}
