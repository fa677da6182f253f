package dev.quarry.eval;

import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.score.AnswerScores;
import java.util.Objects;

/**
 * One model's answer to one prompt, with its scores.
 *
 * @param outcome the answer or the failure
 * @param scores its scores ({@link AnswerScores#missing()} for a failure)
 */
public record ModelAnswer(ChatOutcome outcome, AnswerScores scores) {
  /** Null-checks. */
  public ModelAnswer {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(scores, "scores");
  }

  /** Whether there is no answer. */
  public boolean failed() {
    return outcome instanceof ChatOutcome.Failed;
  }

  /** The answer's text, or "" for a failure. */
  public String text() {
    return outcome instanceof ChatOutcome.Answered a ? a.content() : "";
  }
}
