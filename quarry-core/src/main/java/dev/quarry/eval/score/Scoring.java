package dev.quarry.eval.score;

import dev.quarry.config.QuarryConfig;
import dev.quarry.eval.symbols.SymbolIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorers eval runs, in a fixed order, and how they combine. The overall score of an answer is the mean of
 * its applicable scores, except that an answer failing {@code clean} scores 0: attribution markers and secrets
 * are never acceptable. Thread-safe.
 */
public final class Scoring {
  private final List<Scorer> scorers;

  /** Scoring with the given scorers, in order. */
  public Scoring(List<Scorer> scorers) {
    this.scorers = List.copyOf(scorers);
  }

  /**
   * The built-in scorers: syntax, clean, grounding, hallucination, chrf, api-choice.
   *
   * @param index the platform's symbol index ({@link SymbolIndex#empty()} when there is none)
   * @param syntax how code blocks are parsed
   * @param outputChecks what an answer must not contain
   */
  public static Scoring builtIn(SymbolIndex index, SyntaxCheck syntax, List<OutputCheck> outputChecks) {
    Grounding g = new Grounding(index);
    return new Scoring(List.of(new SyntaxScorer(syntax), new CleanOutputScorer(outputChecks), new GroundingScorer(g),
        new HallucinationScorer(g), new ChrfScorer(), new ApiChoiceScorer()));
  }

  /** The built-ins with validation's syntax, attribution and secrets rules (default settings). */
  public static Scoring defaults(SymbolIndex index) {
    return defaults(index, QuarryConfig.defaults());
  }

  /** As {@link #defaults(SymbolIndex)}, with the validation settings of {@code config}. */
  public static Scoring defaults(SymbolIndex index, QuarryConfig config) {
    return builtIn(index, new RuleSyntaxCheck(config), RuleOutputCheck.validationRules(config));
  }

  /** The scorers, in order. */
  public List<Scorer> scorers() {
    return scorers;
  }

  /** Scores one answer against a reference. */
  public AnswerScores score(String answer, String reference) {
    List<Score> out = new ArrayList<>(scorers.size());
    for (Scorer s : scorers) {
      out.add(s.score(answer, reference));
    }
    return combine(out);
  }

  /** Scores one answer to {@code item} (its reference and expected platform names). */
  public AnswerScores score(String answer, dev.quarry.eval.EvalItem item) {
    List<Score> out = new ArrayList<>(scorers.size());
    for (Scorer s : scorers) {
      out.add(s.score(answer, item));
    }
    return combine(out);
  }

  private static AnswerScores combine(List<Score> out) {
    boolean unclean = out.stream().anyMatch(s -> s.scorer().equals("clean") && s.applicable() && s.value() == 0);
    double sum = 0;
    int n = 0;
    for (Score s : out) {
      if (s.applicable()) {
        sum += s.value();
        n++;
      }
    }
    return new AnswerScores(out, unclean || n == 0 ? 0 : sum / n);
  }
}
