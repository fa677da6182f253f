package dev.quarry.validate.rules;

import dev.quarry.io.Hashing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds the secrets of one text with the {@link SecretDetectors} table: in the text as it is and in its
 * {@link ConcatenatedLiterals joined view}, whose hits are mapped back to the span of the original that holds
 * all the pieces (so redacting it removes every piece). Thread-safe.
 */
final class SecretScanner {
  /**
   * One secret found.
   *
   * @param kind detector id
   * @param start offset in the text
   * @param end end offset (exclusive)
   * @param fingerprint what may be shown
   * @param testLike whether it is a context match whose value is an obvious test credential ({@code password1}):
   *     in a test file it is a warning, elsewhere still an error
   */
  record Hit(String kind, int start, int end, String fingerprint, boolean testLike) {}

  private SecretScanner() {}

  /** Every secret in {@code text}, in order, without overlaps. */
  static List<Hit> find(String text, List<String> allow) {
    List<Hit> hits = new ArrayList<>();
    scan(text, allow, hits, null);
    Optional<ConcatenatedLiterals> joined = ConcatenatedLiterals.of(text);
    joined.ifPresent(j -> scan(j.text(), allow, hits, j));
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  private static void scan(String text, List<String> allow, List<Hit> hits, ConcatenatedLiterals view) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (SecretDetector d : SecretDetectors.ALL) {
      if (!mentions(lower, d)) {
        continue;
      }
      Matcher m = d.pattern().matcher(text);
      while (m.find()) {
        int g = d.group();
        if (g > 0 && m.group(g) == null && m.groupCount() > g) {
          g = g + 1;
        }
        String value = m.group(g);
        if (value == null || rejected(value, d, allow)) {
          continue;
        }
        int start = view == null ? m.start(g) : view.originalStart(m.start(g));
        int end = view == null ? m.end(g) : view.originalEnd(m.end(g));
        boolean testLike = d.confidence() == SecretDetector.Confidence.CONTEXT && SecretValues.obviousTestValue(value);
        add(hits, new Hit(d.id(), start, end, fingerprint(value, d.shownPrefix()), testLike));
      }
    }
  }

  /**
   * Adds {@code hit}; one overlapping earlier hits (a more specific detector, or the same secret seen in the
   * joined view) is widened to cover both, so that a redaction removes every piece.
   */
  private static void add(List<Hit> hits, Hit hit) {
    Hit merged = hit;
    for (int i = hits.size() - 1; i >= 0; i--) {
      Hit h = hits.get(i);
      if (h.start() < merged.end() && merged.start() < h.end()) {
        merged = new Hit(h.kind(), Math.min(h.start(), merged.start()), Math.max(h.end(), merged.end()),
            h.fingerprint(), h.testLike() && merged.testLike());
        hits.remove(i);
      }
    }
    hits.add(merged);
  }

  private static boolean mentions(String lower, SecretDetector d) {
    for (String k : d.keywords()) {
      if (lower.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rejected(String value, SecretDetector d, List<String> allow) {
    if (d.id().equals("private-key")) {
      String body = value.replaceAll("-----[A-Z0-9_ -]+-----", "").replaceAll("\\s|\\\\n|[\"'+]", "");
      return body.length() < 40 || SecretValues.notASecret(body, d) || allowed(value, allow);
    }
    return SecretValues.notASecret(value, d) || allowed(value, allow);
  }

  private static boolean allowed(String value, List<String> allow) {
    if (allow.isEmpty()) {
      return false;
    }
    String fp = "sha256:" + Hashing.sha256(value).substring(0, 8);
    return allow.contains(value) || allow.contains(fp);
  }

  /** {@code AKIA…[sha256:1a2b3c4d]}: the public prefix, if the kind has one, and a short hash. */
  static String fingerprint(String value, int shownPrefix) {
    String prefix = shownPrefix > 0 && value.length() > shownPrefix * 3 ? value.substring(0, shownPrefix) : "";
    return prefix + "…[sha256:" + Hashing.sha256(value).substring(0, 8) + "]";
  }
}
