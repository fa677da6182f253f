package dev.quarry.eval.score;

import java.util.List;
import java.util.Objects;

/**
 * One scorer's verdict on one answer.
 *
 * @param scorer the scorer's id
 * @param applicable whether the score applies (e.g. no code blocks: the syntax score does not)
 * @param value the score in [0, 1], higher is better; 0 when not applicable
 * @param detail a one-line explanation of the value, for the report
 * @param findings what was found, e.g. hallucinated names; never a secret in clear
 */
public record Score(String scorer, boolean applicable, double value, String detail, List<String> findings) {
  /** Checks the range and copies the list. */
  public Score {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(detail, "detail");
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("score " + scorer + " out of [0, 1]: " + value);
    }
    findings = List.copyOf(findings);
  }

  /** An applicable score. */
  public static Score of(String scorer, double value, String detail, List<String> findings) {
    return new Score(scorer, true, value, detail, findings);
  }

  /** An applicable score without findings. */
  public static Score of(String scorer, double value, String detail) {
    return of(scorer, value, detail, List.of());
  }

  /** A score that does not apply to this answer, with the reason. */
  public static Score notApplicable(String scorer, String reason) {
    return new Score(scorer, false, 0, reason, List.of());
  }
}
