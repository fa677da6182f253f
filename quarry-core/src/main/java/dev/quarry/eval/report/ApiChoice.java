package dev.quarry.eval.report;

import dev.quarry.eval.ItemResult;
import dev.quarry.eval.ModelAnswer;
import dev.quarry.eval.score.Score;
import java.util.List;
import java.util.function.Function;

/**
 * API-choice accuracy of one model: of the prompts that expect platform names (goal-first probes), how many
 * answers name every one of them ({@code api-choice} = 1). A prompt without an answer is a miss.
 *
 * @param probes prompts that expect platform names
 * @param hits answers that name all of them
 */
public record ApiChoice(int probes, int hits) {
  /** The scorer whose verdict decides a hit. */
  static final String SCORER = "api-choice";

  /** Checks the counts. */
  public ApiChoice {
    if (probes < 0 || hits < 0 || hits > probes) {
      throw new IllegalArgumentException("api choice " + hits + " of " + probes);
    }
  }

  /** The evaluated model's accuracy over {@code items}. */
  public static ApiChoice adapter(List<ItemResult> items) {
    return of(items, ItemResult::adapter);
  }

  /** The baseline's accuracy over {@code items} (all of which have a baseline answer). */
  public static ApiChoice baseline(List<ItemResult> items) {
    return of(items, ItemResult::baseline);
  }

  private static ApiChoice of(List<ItemResult> items, Function<ItemResult, ModelAnswer> answer) {
    int probes = 0;
    int hits = 0;
    for (ItemResult i : items) {
      if (i.item().expected().isEmpty()) {
        continue;
      }
      probes++;
      if (hit(answer.apply(i))) {
        hits++;
      }
    }
    return new ApiChoice(probes, hits);
  }

  /** Whether the answer names every expected name. */
  static boolean hit(ModelAnswer a) {
    return a.scores().get(SCORER).filter(Score::applicable).map(s -> s.value() == 1.0).orElse(false);
  }

  /** Hits over probes; 0 without probes. */
  public double accuracy() {
    return probes == 0 ? 0 : (double) hits / probes;
  }
}
