package dev.quarry.eval.symbols;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP endpoint paths found in text, normalised so that the same route compares equal however it is written:
 * parameters ({@code {id}}, {@code :id}, {@code <id>}, {@code ${id}}, numbers, UUIDs) become {@code {}}, the
 * query string and a trailing slash are dropped.
 */
public final class EndpointPath {
  private static final String SEGMENT = "[A-Za-z0-9_.~{}$:<>-]+";
  private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.-]+(?::\\d+)?((?:/" + SEGMENT + ")+)/?");
  private static final Pattern BARE = Pattern.compile("(?<![\\w.:/}<>$-])((?:/" + SEGMENT + ")+)/?");
  private static final Pattern PARAM = Pattern.compile(
      "\\{[^/]*}|:[A-Za-z_]\\w*|<[^/]*>|\\$\\{[^/]*}|\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,}|\\{\\{[^/]*}}");
  private static final Pattern VERSIONED = Pattern.compile("/(v\\d+|api)(/.*)?");

  private EndpointPath() {}

  /** Every path-like string in {@code text}, normalised, in order of first appearance. */
  public static Set<String> find(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher u = URL.matcher(text);
    StringBuilder rest = new StringBuilder(text);
    while (u.find()) {
      out.add(normalise(u.group(1)));
      for (int i = u.start(); i < u.end(); i++) {
        rest.setCharAt(i, ' ');
      }
    }
    Matcher m = BARE.matcher(rest);
    while (m.find()) {
      String p = normalise(m.group(1));
      if (p.length() > 1 && !p.contains("//")) {
        out.add(p);
      }
    }
    return out;
  }

  /** A path with parameters as {@code {}}, no query string and no trailing slash. */
  public static String normalise(String path) {
    String p = path;
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    List<String> segs = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty()) {
        continue;
      }
      segs.add(PARAM.matcher(s).matches() || s.contains("{") || s.contains("$") ? "{}" : s);
    }
    return "/" + String.join("/", segs);
  }

  /** Whether a path starts like an API route ({@code /v1/…}, {@code /api/…}). */
  public static boolean looksVersioned(String normalised) {
    return VERSIONED.matcher(normalised).matches();
  }

  /** The first segment that is not a version or {@code api}, or "" when none. */
  public static String head(String normalised) {
    for (String s : segments(normalised)) {
      if (!s.matches("v\\d+|api")) {
        return s;
      }
    }
    return "";
  }

  /**
   * Whether two normalised paths name the same route: equal, or one ends with the other on a segment boundary
   * (a router mounted under {@code /v1} is still the same route), the shorter having a non-parameter segment.
   */
  public static boolean sameRoute(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String shorter = a.length() < b.length() ? a : b;
    String longer = shorter == a ? b : a;
    if (!longer.endsWith(shorter) || segments(shorter).stream().allMatch("{}"::equals)) {
      return false;
    }
    return longer.charAt(longer.length() - shorter.length()) == '/';
  }

  static List<String> segments(String normalised) {
    List<String> out = new ArrayList<>();
    for (String s : normalised.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
