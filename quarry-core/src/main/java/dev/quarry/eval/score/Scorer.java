package dev.quarry.eval.score;

/**
 * Scores a model's answer against the reference answer, locally. Built-ins are listed in {@link Scoring};
 * each has a stable kebab-case id that appears in reports.
 *
 * <p>Contract: deterministic (same inputs, same score), thread-safe (answers are scored in parallel), never
 * throws on odd input (an answer is untrusted text: anything goes), and never puts a secret in clear into a
 * detail or finding.
 */
public interface Scorer {
  /** Stable id, e.g. {@code grounding}. */
  String id();

  /** What the score measures and how, in a sentence or two, for the report. */
  String explanation();

  /**
   * Scores an answer.
   *
   * @param answer the model's answer (may be empty)
   * @param reference the reference answer ("" when the prompt has none)
   */
  Score score(String answer, String reference);

  /** Scores an answer to {@code item}; by default against its reference only. */
  default Score score(String answer, dev.quarry.eval.EvalItem item) {
    return score(answer, item.reference());
  }
}
