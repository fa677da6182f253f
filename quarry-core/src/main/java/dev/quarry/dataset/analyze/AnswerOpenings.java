package dev.quarry.dataset.analyze;

import dev.quarry.io.Hashing;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts how often answers open with the same sentence — the templated "Here is an implementation:" that teaches
 * an adapter one stiff opening. An answer's opening is its first sentence of prose: the first non-blank line
 * outside code fences, up to its first {@code . : ! ?} followed by a space or the line end. An opening is
 * <em>shared</em> when at least {@value #THRESHOLD} of the answers with an opening start with it. Keeps one
 * hash and one count per distinct opening; not thread-safe.
 */
final class AnswerOpenings {
  /** The share of answers from which on an opening counts as shared. */
  static final double THRESHOLD = 0.05;
  private static final Pattern END = Pattern.compile("[.:!?](?=\\s|$)");
  private final Map<String, Long> counts = new HashMap<>();
  private long answers;

  /** Counts the opening of {@code answer}, if it has prose. */
  void add(String answer) {
    String s = opening(answer);
    if (!s.isEmpty()) {
      answers++;
      counts.merge(Hashing.sha256(s).substring(0, 16), 1L, Long::sum);
    }
  }

  /** Answers that have an opening sentence. */
  long answers() {
    return answers;
  }

  /** Answers whose opening sentence at least {@value #THRESHOLD} of the answers share. */
  long shared() {
    double min = Math.max(2, THRESHOLD * answers);
    return counts.values().stream().filter(n -> n >= min).mapToLong(Long::longValue).sum();
  }

  /** The first sentence of prose of {@code answer}, or an empty string when it has none. */
  static String opening(String answer) {
    boolean fence = false;
    for (String line : answer.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fence = !fence;
        continue;
      }
      if (fence || t.isEmpty()) {
        continue;
      }
      Matcher m = END.matcher(t);
      return m.find() ? t.substring(0, m.end()) : t;
    }
    return "";
  }
}
