package dev.quarry.io;

/**
 * HTML escaping for element text and quoted attribute values, shared by every stage that writes an HTML report.
 * Stateless and thread-safe; arguments must not be null.
 */
public final class HtmlText {
  private HtmlText() {}

  /** {@code s} with {@code & < > " '} escaped, safe in element text and quoted attributes. */
  public static String esc(String s) {
    return escape(s, false);
  }

  /**
   * {@code s} escaped as by {@link #esc}, and control characters HTML forbids (all below U+0020 but tab and line
   * feed, and U+007F) replaced by U+FFFD; for untrusted text such as model answers.
   */
  public static String escReplacingControls(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean replaceControls) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(replaceControls && (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }
}
