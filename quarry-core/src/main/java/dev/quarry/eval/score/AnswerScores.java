package dev.quarry.eval.score;

import java.util.List;
import java.util.Optional;

/**
 * Every score of one answer and the overall score.
 *
 * @param scores one per scorer, in the scorers' order; empty when there was no answer
 * @param overall the mean of the applicable scores, 0 when the answer is unclean or missing
 */
public record AnswerScores(List<Score> scores, double overall) {
  /** Copies the list. */
  public AnswerScores {
    scores = List.copyOf(scores);
  }

  /** The scores of a prompt that got no answer: overall 0. */
  public static AnswerScores missing() {
    return new AnswerScores(List.of(), 0);
  }

  /** The score of scorer {@code id}, if it ran. */
  public Optional<Score> get(String id) {
    return scores.stream().filter(s -> s.scorer().equals(id)).findFirst();
  }
}
