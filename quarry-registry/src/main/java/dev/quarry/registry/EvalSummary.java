package dev.quarry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The scores of a {@code quarry eval} report that the registry keeps with an adapter.
 *
 * @param reportSha256 SHA-256 of the report's bytes
 * @param model the model the report evaluated
 * @param baseline the baseline it was compared with, or empty
 * @param score the adapter's mean score in [0, 1]
 * @param baselineScore the baseline's mean score, or NaN when there was no baseline
 * @param items number of prompts
 * @param failures prompts without an answer
 * @param categories per-category mean score, sorted
 */
public record EvalSummary(String reportSha256, String model, String baseline, double score, double baselineScore,
    int items, int failures, Map<String, Double> categories) {
  /** Copies the map into a sorted one. */
  public EvalSummary {
    categories = java.util.Collections.unmodifiableMap(new TreeMap<>(categories));
  }

  /** The baseline score, when there was one. */
  public OptionalDouble baselineScoreIfAny() {
    return Double.isNaN(baselineScore) ? OptionalDouble.empty() : OptionalDouble.of(baselineScore);
  }

  /**
   * Reads the summary of an eval report ({@code quarry eval --report}).
   *
   * @throws dev.quarry.InputException when the file is unreadable or has no adapter score
   */
  public static EvalSummary read(Path report) {
    JsonFiles.Hashed h = JsonFiles.read(report, "eval report", "pass the JSON file quarry eval --report wrote");
    JsonNode n = h.json();
    JsonNode adapter = n.path("summary").path("adapter");
    if (!adapter.path("score").isNumber()) {
      throw new dev.quarry.InputException(report.toString(), 0, "eval report has no summary.adapter.score",
          "pass the JSON file quarry eval --report wrote");
    }
    JsonNode base = n.path("summary").path("baseline");
    Map<String, Double> cats = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("categories").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode s = e.getValue().path("adapter").path("score");
      if (s.isNumber()) {
        cats.put(e.getKey(), s.asDouble());
      }
    }
    return new EvalSummary(h.sha256(), n.path("model").asText(""), n.path("baseline").asText(""),
        adapter.path("score").asDouble(), base.path("score").isNumber() ? base.path("score").asDouble() : Double.NaN,
        n.path("summary").path("items").asInt(0), adapter.path("failures").asInt(0), cats);
  }
}
