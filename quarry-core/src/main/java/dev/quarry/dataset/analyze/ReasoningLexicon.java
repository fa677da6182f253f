package dev.quarry.dataset.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phrases that mark an answer as reasoning about its code ({@code reasoning-lexicon.txt} beside this class:
 * one phrase a line, {@code #} comments). Immutable and thread-safe.
 */
final class ReasoningLexicon {
  private static final ReasoningLexicon BUILT_IN = load();
  private final List<String> phrases;

  private ReasoningLexicon(List<String> phrases) {
    this.phrases = List.copyOf(phrases);
  }

  /** The lexicon shipped with Quarry. */
  static ReasoningLexicon builtIn() {
    return BUILT_IN;
  }

  /** Whether {@code prose} contains one of the phrases as whole words, ignoring case. */
  boolean reasons(String prose) {
    String lower = prose.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      if (TextScan.containsWord(lower, p)) {
        return true;
      }
    }
    return false;
  }

  private static ReasoningLexicon load() {
    try (InputStream in = ReasoningLexicon.class.getResourceAsStream("reasoning-lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("reasoning-lexicon.txt missing from the class path");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t.toLowerCase(Locale.ROOT));
        }
      }
      return new ReasoningLexicon(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
