package dev.quarry.eval.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Version;
import dev.quarry.eval.EvalResult;
import dev.quarry.eval.ItemResult;
import dev.quarry.eval.ModelAnswer;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.score.Score;
import dev.quarry.eval.score.Scorer;
import dev.quarry.eval.score.Scoring;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of an eval ({@value #FORMAT}): how it was run, what every score means, the aggregates overall
 * and per category, and every prompt with both answers and their scores, in the prompts' order. Prompts that
 * expect platform names (API-choice probes) carry {@code expected_api} and, per answer, {@code api_choice}
 * ({@code hit} or {@code miss}); the summary then holds {@code api_choice: {adapter: {probes, hits, accuracy}}}. Nothing in it
 * depends on timing or on the cache, so a re-run from the cache writes the same bytes.
 */
public final class JsonReport {
  /** The {@code format} value. */
  public static final String FORMAT = "quarry-eval/1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonReport() {}

  /** Builds the report. */
  public static ObjectNode build(EvalResult r, Scoring scoring, ReportInfo info) {
    List<String> ids = scoring.scorers().stream().map(Scorer::id).toList();
    ObjectNode o = F.objectNode();
    o.put("format", FORMAT).put("tool_version", Version.get()).put("endpoint", info.endpoint())
        .put("model", r.model()).put("baseline", r.baseline());
    o.putObject("prompts").put("file", info.promptsFile()).put("sha256", info.promptsSha256())
        .put("count", r.items().size());
    o.putObject("params").put("temperature", info.temperature()).put("max_tokens", info.maxTokens())
        .put("seed", info.seed()).put("bootstrap_resamples", PairedComparison.RESAMPLES)
        .put("tie_margin", PairedComparison.TIE_MARGIN);
    if (info.symbolsFile().isEmpty()) {
      o.putNull("symbol_index");
    } else {
      o.putObject("symbol_index").put("file", info.symbolsFile()).put("examples", info.symbolExamples());
    }
    ObjectNode expl = o.putObject("scores");
    expl.put("overall", "Mean of the applicable scores below; 0 when the answer is missing or fails 'clean'. "
        + "Adapter and baseline are compared per prompt: a win or loss needs a difference above "
        + PairedComparison.TIE_MARGIN + "; the interval is a paired bootstrap 95% interval of the mean difference.");
    scoring.scorers().forEach(s -> expl.put(s.id(), s.explanation()));
    ObjectNode summary = o.putObject("summary");
    summary.put("items", r.items().size());
    breakdown(summary, Breakdown.overall(r, ids, info.seed()));
    ApiChoice choice = ApiChoice.adapter(r.items());
    if (choice.probes() > 0) {
      ObjectNode ac = summary.putObject("api_choice");
      apiChoice(ac.putObject("adapter"), choice);
      if (r.hasBaseline()) {
        apiChoice(ac.putObject("baseline"), ApiChoice.baseline(r.items()));
      }
    }
    ObjectNode cats = o.putObject("categories");
    for (Map.Entry<String, Breakdown> e : Breakdown.byCategory(r, ids, info.seed()).entrySet()) {
      ObjectNode c = cats.putObject(e.getKey());
      c.put("items", e.getValue().adapter().items());
      breakdown(c, e.getValue());
    }
    var items = o.putArray("items");
    for (ItemResult i : r.items()) {
      ObjectNode it = items.addObject();
      it.put("id", i.item().id()).put("category", i.item().category()).put("language", i.item().language())
          .put("question", i.item().question()).put("reference", i.item().reference());
      if (!i.item().expected().isEmpty()) {
        var expected = it.putArray("expected_api");
        i.item().expected().forEach(expected::add);
      }
      answer(it.putObject("adapter"), i.adapter(), i);
      if (i.baseline() != null) {
        answer(it.putObject("baseline"), i.baseline(), i);
        it.put("delta", round(i.delta()));
      }
    }
    return o;
  }

  /** Writes the report atomically, pretty-printed with a final newline. */
  public static void write(Path file, ObjectNode report) throws IOException {
    AtomicFile.writeString(file, Json.pretty().writeValueAsString(report) + "\n");
  }

  private static void breakdown(ObjectNode o, Breakdown b) {
    aggregate(o.putObject("adapter"), b.adapter());
    if (b.baseline() != null) {
      aggregate(o.putObject("baseline"), b.baseline());
      PairedComparison c = b.comparison();
      o.putObject("comparison").put("wins", c.wins()).put("ties", c.ties()).put("losses", c.losses())
          .put("mean_delta", round(c.meanDelta())).put("ci95_low", round(c.ciLow())).put("ci95_high", round(c.ciHigh()));
    }
  }

  private static void aggregate(ObjectNode o, Aggregate a) {
    o.put("score", round(a.score())).put("failures", a.failures());
    ObjectNode m = o.putObject("metrics");
    a.metrics().forEach((id, metric) -> m.putObject(id).put("mean", round(metric.mean()))
        .put("applicable", metric.applicable()));
  }

  private static void apiChoice(ObjectNode o, ApiChoice c) {
    o.put("probes", c.probes()).put("hits", c.hits()).put("accuracy", round(c.accuracy()));
  }

  private static void answer(ObjectNode o, ModelAnswer a, ItemResult item) {
    if (a.outcome() instanceof ChatOutcome.Failed f) {
      o.put("error", f.reason());
    } else {
      ChatOutcome.Answered ans = (ChatOutcome.Answered) a.outcome();
      o.put("answer", ans.content()).put("finish_reason", ans.finishReason());
    }
    o.put("score", round(a.scores().overall()));
    if (!item.item().expected().isEmpty()) {
      o.put("api_choice", ApiChoice.hit(a) ? "hit" : "miss");
    }
    ObjectNode scores = o.putObject("scores");
    for (Score s : a.scores().scores()) {
      ObjectNode so = scores.putObject(s.scorer());
      if (s.applicable()) {
        so.put("value", round(s.value()));
      } else {
        so.putNull("value");
      }
      so.put("detail", s.detail());
      var f = so.putArray("findings");
      s.findings().forEach(f::add);
    }
  }

  /** Four decimals: enough for a score, and free of binary noise such as 0.30000000000000004. */
  static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
