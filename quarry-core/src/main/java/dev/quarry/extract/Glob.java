package dev.quarry.extract;

import java.util.regex.Pattern;

/**
 * A path glob over {@code /}-separated relative paths: {@code **} any number of folders, {@code *} any
 * characters within one segment, {@code ?} one character, {@code {a,b}} alternatives. A pattern without a
 * {@code /} matches the file name in any folder (as in .gitignore). Immutable and thread-safe.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern) {
    this.pattern = pattern;
    String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
    if (!p.contains("/")) {
      p = "**/" + p;
    }
    this.regex = Pattern.compile(toRegex(p));
  }

  /** Compiles a glob. */
  public static Glob of(String pattern) {
    return new Glob(pattern);
  }

  /** Whether {@code path} (relative, {@code /}-separated) matches. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            if (slashAfter) {
              sb.append("(?:.*/)?");
              i += 2;
            } else {
              sb.append(".*");
              i += 1;
            }
          } else {
            sb.append("[^/]*");
          }
        }
        case '?' -> sb.append("[^/]");
        case '{' -> {
          depth++;
          sb.append("(?:");
        }
        case '}' -> {
          if (depth > 0) {
            depth--;
            sb.append(')');
          } else {
            sb.append("\\}");
          }
        }
        case ',' -> sb.append(depth > 0 ? "|" : ",");
        default -> {
          if ("\\.[]()+^$|".indexOf(c) >= 0) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    while (depth-- > 0) {
      sb.append(')');
    }
    return sb.toString();
  }
}
