package dev.quarry.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file, with git's semantics: blank lines and {@code #} comments are
 * ignored, {@code !} negates, a trailing {@code /} matches directories only, a pattern with a {@code /} at the
 * start or in the middle is anchored to the file's folder (else it matches a name at any depth),
 * {@code *} and {@code ?} stay within one path segment, {@code [a-z]} is a class, and {@code **} spans folders
 * ({@code **}{@code /x}, {@code x/**}, {@code a/**}{@code /b}). The last matching rule decides. Immutable.
 */
final class GitIgnore {
  /** One rule. */
  private record Rule(Pattern regex, boolean negated, boolean dirOnly, boolean anchored, String text) {}

  /** The verdict of a set of rules on one path. */
  enum Verdict { IGNORED, INCLUDED, NONE }

  private final List<Rule> rules;

  private GitIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses the text of a .gitignore file. */
  static GitIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      Rule r = rule(raw);
      if (r != null) {
        rules.add(r);
      }
    }
    return new GitIgnore(rules);
  }

  /** Whether it has no rules. */
  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The verdict on {@code path}, relative to this file's folder, {@code /}-separated.
   *
   * @param dir whether the path is a directory
   */
  Verdict check(String path, boolean dir) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if (r.dirOnly() && !dir) {
        continue;
      }
      if (r.regex().matcher(r.anchored() ? path : name).matches()) {
        return r.negated() ? Verdict.INCLUDED : Verdict.IGNORED;
      }
    }
    return Verdict.NONE;
  }

  /** The text of the last rule matching {@code path}, for reports; empty when none matches. */
  String matchingRule(String path, boolean dir) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if ((!r.dirOnly() || dir) && r.regex().matcher(r.anchored() ? path : name).matches()) {
        return r.text();
      }
    }
    return "";
  }

  private static Rule rule(String raw) {
    String p = trimTrailingSpaces(raw);
    if (p.isEmpty() || p.startsWith("#")) {
      return null;
    }
    boolean negated = false;
    if (p.startsWith("!")) {
      negated = true;
      p = p.substring(1);
    } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
      p = p.substring(1);
    }
    boolean dirOnly = false;
    if (p.endsWith("/") && !p.endsWith("\\/")) {
      dirOnly = true;
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return null;
    }
    boolean anchored = p.indexOf('/') >= 0;
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.startsWith("**/") && p.indexOf('/', 3) < 0) {
      // "**/name" matches name at any depth, like an unanchored "name".
      p = p.substring(3);
      anchored = false;
    }
    return new Rule(Pattern.compile(toRegex(p)), negated, dirOnly, anchored, raw.strip());
  }

  private static String trimTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end >= 2 && s.charAt(end - 2) == '\\')) {
      end--;
    }
    return s.substring(0, end);
  }

  static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
        boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
        boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
        boolean atEnd = i + 2 == n;
        if (atStart && slashAfter) {
          sb.append("(?:.*/)?");
          i += 2;
          continue;
        }
        if (atStart && atEnd) {
          sb.append(".*");
          i += 1;
          continue;
        }
        // Any other run of asterisks is an ordinary "*".
        while (i + 1 < n && glob.charAt(i + 1) == '*') {
          i++;
        }
        sb.append("[^/]*");
        continue;
      }
      switch (c) {
        case '*' -> sb.append("[^/]*");
        case '?' -> sb.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            sb.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            sb.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < n) {
            sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
