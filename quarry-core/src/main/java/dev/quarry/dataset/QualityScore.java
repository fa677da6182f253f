package dev.quarry.dataset;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;

/**
 * Ranks examples by quality with one packed {@code long}: a higher score is a better example. Used to pick
 * the survivor of a duplicate cluster and to choose what balance keeps. The order, most significant first:
 * fewer error findings, fewer warning findings (from {@code meta.findings}), has tests, has error handling,
 * longer answer. Ties are broken by callers (smallest id), so the ranking is total and deterministic.
 */
public final class QualityScore {
  private QualityScore() {}

  /** The packed score of {@code e}. */
  public static long of(Example e) {
    Findings f = Findings.of(e);
    StringBuilder answers = new StringBuilder();
    for (Message m : e.messages()) {
      if (m.role() == Role.ASSISTANT) {
        answers.append(m.content()).append('\n');
      }
    }
    String a = answers.toString();
    String lower = a.toLowerCase(java.util.Locale.ROOT);
    return pack(f.errors(), f.warnings(), QualityMarkers.testsInLowerCase(lower),
        QualityMarkers.errorHandlingInLowerCase(lower), a.length());
  }

  /** Packs the criteria; counts above 255 saturate, lengths above 2^40 saturate. */
  static long pack(int errors, int warnings, boolean tests, boolean errorHandling, long answerChars) {
    long s = (long) (255 - Math.min(errors, 255)) << 55;
    s |= (long) (255 - Math.min(warnings, 255)) << 47;
    s |= tests ? 1L << 46 : 0;
    s |= errorHandling ? 1L << 45 : 0;
    s |= Math.min(answerChars, (1L << 40) - 1);
    return s;
  }
}
