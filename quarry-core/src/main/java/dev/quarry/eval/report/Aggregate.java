package dev.quarry.eval.report;

import dev.quarry.eval.ModelAnswer;
import dev.quarry.eval.score.Score;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's scores over a group of prompts.
 *
 * @param items prompts in the group
 * @param failures prompts without an answer
 * @param score mean overall score (failures count as 0)
 * @param metrics per scorer, in the scorers' order: mean over the answers it applied to, and how many
 */
public record Aggregate(int items, int failures, double score, Map<String, Metric> metrics) {
  /**
   * One scorer's mean.
   *
   * @param mean mean value over the answers it applied to (0 when none)
   * @param applicable answers it applied to
   */
  public record Metric(double mean, int applicable) {}

  /** Copies the map, keeping its order. */
  public Aggregate {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Aggregates answers; {@code scorerIds} fixes the metrics' order. */
  public static Aggregate of(List<ModelAnswer> answers, List<String> scorerIds) {
    int failures = 0;
    double total = 0;
    Map<String, double[]> sums = new LinkedHashMap<>();
    scorerIds.forEach(id -> sums.put(id, new double[2]));
    for (ModelAnswer a : answers) {
      if (a.failed()) {
        failures++;
      }
      total += a.scores().overall();
      for (Score s : a.scores().scores()) {
        double[] acc = sums.get(s.scorer());
        if (acc != null && s.applicable()) {
          acc[0] += s.value();
          acc[1]++;
        }
      }
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    sums.forEach((id, acc) -> metrics.put(id, new Metric(acc[1] == 0 ? 0 : acc[0] / acc[1], (int) acc[1])));
    return new Aggregate(answers.size(), failures, answers.isEmpty() ? 0 : total / answers.size(), metrics);
  }
}
