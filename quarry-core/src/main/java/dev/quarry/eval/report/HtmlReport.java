package dev.quarry.eval.report;

import dev.quarry.Version;
import dev.quarry.eval.EvalResult;
import dev.quarry.eval.ItemResult;
import dev.quarry.eval.ModelAnswer;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.score.Score;
import dev.quarry.eval.score.Scorer;
import dev.quarry.eval.score.Scoring;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.HtmlText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The HTML report of an eval: one self-contained page (inline CSS and SVG, a Content-Security-Policy that
 * forbids every network load and every script) with the summary, per-category charts, what each score means,
 * and the answers side by side, worst regressions first. Answers are untrusted: every piece of text is escaped.
 */
public final class HtmlReport {
  private static final int OPEN_ITEMS = 5;
  private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;"
      + "padding:0 1em;color:#1a202c}h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #e2e8f0}"
      + "table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #e2e8f0;text-align:left}"
      + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}pre{white-space:pre-wrap;word-break:break-word;"
      + "background:#f7fafc;border:1px solid #e2e8f0;padding:.6em;margin:.3em 0;max-height:32em;overflow:auto}"
      + ".cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}.meta{color:#4a5568}"
      + "details{border:1px solid #e2e8f0;border-radius:4px;margin:.5em 0;padding:.3em .8em}"
      + "summary{cursor:pointer}.neg{color:#c53030;font-weight:600}.pos{color:#2f855a;font-weight:600}"
      + ".err{color:#c53030}.findings{color:#744210;margin:0;padding-left:1.2em}dt{font-weight:600;margin-top:.5em}"
      + ".legend span{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}";
  private static final String ADAPTER_COLOUR = "#2b6cb0";
  private static final String BASELINE_COLOUR = "#a0aec0";

  private HtmlReport() {}

  /** Renders the page. */
  public static String render(EvalResult r, Scoring scoring, ReportInfo info) {
    List<String> ids = scoring.scorers().stream().map(Scorer::id).toList();
    Breakdown overall = Breakdown.overall(r, ids, info.seed());
    SortedMap<String, Breakdown> cats = Breakdown.byCategory(r, ids, info.seed());
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = "quarry eval: " + r.model() + (r.hasBaseline() ? " vs " + r.baseline() : "");
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1>Eval of <code>").append(esc(r.model())).append("</code>");
    if (r.hasBaseline()) {
      h.append(" against <code>").append(esc(r.baseline())).append("</code>");
    }
    h.append("</h1>\n<p class=\"meta\">").append(r.items().size()).append(" prompts from <code>")
        .append(esc(info.promptsFile())).append("</code> · endpoint <code>").append(esc(info.endpoint()))
        .append("</code> · temperature ").append(num(info.temperature())).append(" · max tokens ")
        .append(info.maxTokens()).append(" · symbol index ")
        .append(info.symbolsFile().isEmpty() ? "none" : "<code>" + esc(info.symbolsFile()) + "</code> ("
            + info.symbolExamples() + " records)")
        .append(" · quarry ").append(esc(Version.get())).append("</p>\n");
    summary(h, r, overall, ids);
    chart(h, cats, r.hasBaseline());
    explanations(h, scoring);
    items(h, r);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** Writes the page atomically. */
  public static void write(Path file, String html) throws IOException {
    AtomicFile.writeString(file, html);
  }

  private static void summary(StringBuilder h, EvalResult r, Breakdown b, List<String> ids) {
    h.append("<h2>Summary</h2>\n<table>\n<tr><th>model</th><th class=\"n\">score</th><th class=\"n\">failures</th>");
    ids.forEach(id -> h.append("<th class=\"n\">").append(esc(id)).append("</th>"));
    h.append("</tr>\n");
    row(h, r.model(), b.adapter(), ids);
    b.baselineIfAny().ifPresent(a -> row(h, r.baseline(), a, ids));
    h.append("</table>\n");
    b.comparisonIfAny().ifPresent(c -> h.append("<p>Per prompt: <b>").append(c.wins()).append("</b> wins, <b>")
        .append(c.ties()).append("</b> ties, <b>").append(c.losses()).append("</b> losses. Mean difference ")
        .append(delta(c.meanDelta())).append(", 95% interval [").append(num(c.ciLow())).append(", ")
        .append(num(c.ciHigh())).append("]: ").append(c.significantlyBetter() ? "the adapter is better beyond noise."
            : c.significantlyWorse() ? "the adapter is worse beyond noise." : "no difference beyond noise.")
        .append("</p>\n"));
  }

  private static void row(StringBuilder h, String model, Aggregate a, List<String> ids) {
    h.append("<tr><td><code>").append(esc(model)).append("</code></td><td class=\"n\">").append(num(a.score()))
        .append("</td><td class=\"n\">").append(a.failures()).append("</td>");
    for (String id : ids) {
      Aggregate.Metric m = a.metrics().get(id);
      h.append("<td class=\"n\">").append(m == null || m.applicable() == 0 ? "–" : num(m.mean())).append("</td>");
    }
    h.append("</tr>\n");
  }

  private static void chart(StringBuilder h, SortedMap<String, Breakdown> cats, boolean baseline) {
    int label = 180;
    int width = 480;
    int bar = 12;
    int rowH = baseline ? 2 * bar + 10 : bar + 10;
    int height = cats.size() * rowH + 10;
    h.append("<h2>Score per category</h2>\n<p class=\"legend\"><span style=\"background:").append(ADAPTER_COLOUR)
        .append("\"></span>adapter");
    if (baseline) {
      h.append("<span style=\"background:").append(BASELINE_COLOUR).append("\"></span>baseline");
    }
    h.append("</p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(label + width + 60)
        .append("\" height=\"").append(height).append("\" font-size=\"12\" font-family=\"system-ui,sans-serif\">\n");
    int y = 5;
    for (Map.Entry<String, Breakdown> e : cats.entrySet()) {
      h.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + bar).append("\" text-anchor=\"end\">")
          .append(esc(e.getKey())).append(" (").append(e.getValue().adapter().items()).append(")</text>\n");
      barAt(h, label, y, width, bar, e.getValue().adapter().score(), ADAPTER_COLOUR);
      if (baseline) {
        barAt(h, label, y + bar + 2, width, bar, e.getValue().baseline().score(), BASELINE_COLOUR);
      }
      y += rowH;
    }
    h.append("</svg>\n");
  }

  private static void barAt(StringBuilder h, int x, int y, int width, int bar, double v, String colour) {
    int w = (int) Math.round(Math.max(0, Math.min(1, v)) * width);
    h.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"")
        .append(bar).append("\" fill=\"").append(colour).append("\"/><text x=\"").append(x + w + 4).append("\" y=\"")
        .append(y + bar - 2).append("\">").append(num(v)).append("</text>\n");
  }

  private static void explanations(StringBuilder h, Scoring scoring) {
    h.append("<h2>What the scores mean</h2>\n<dl>\n<dt>score</dt><dd>Mean of the applicable scores below; 0 when the "
        + "answer is missing or fails <code>clean</code>. A win or loss needs a difference above ")
        .append(num(PairedComparison.TIE_MARGIN)).append("; the interval is a seeded paired bootstrap (")
        .append(PairedComparison.RESAMPLES).append(" resamples).</dd>\n");
    for (Scorer s : scoring.scorers()) {
      h.append("<dt>").append(esc(s.id())).append("</dt><dd>").append(esc(s.explanation())).append("</dd>\n");
    }
    h.append("</dl>\n");
  }

  private static void items(StringBuilder h, EvalResult r) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < r.items().size(); i++) {
      order.add(i);
    }
    Comparator<Integer> worstFirst = r.hasBaseline()
        ? Comparator.comparingDouble(i -> r.items().get(i).delta())
        : Comparator.comparingDouble(i -> r.items().get(i).adapter().scores().overall());
    order.sort(worstFirst.thenComparing(i -> i));
    h.append("<h2>Answers, ").append(r.hasBaseline() ? "worst regressions first" : "lowest scores first")
        .append("</h2>\n");
    int shown = 0;
    for (int idx : order) {
      ItemResult it = r.items().get(idx);
      h.append(shown++ < OPEN_ITEMS ? "<details open>" : "<details>").append("<summary>");
      if (it.baseline() != null) {
        h.append(delta(it.delta())).append(" · ");
      }
      h.append("<code>").append(esc(it.item().id())).append("</code> · ").append(esc(it.item().category()))
          .append(" · adapter ").append(num(it.adapter().scores().overall()));
      it.baselineIfAny().ifPresent(b -> h.append(" · baseline ").append(num(b.scores().overall())));
      h.append("</summary>\n<h4>Question</h4><pre>").append(esc(it.item().question())).append("</pre>\n");
      h.append("<div class=\"cols\">\n");
      answer(h, r.model(), it.adapter());
      it.baselineIfAny().ifPresent(b -> answer(h, r.baseline(), b));
      h.append("</div>\n");
      if (!it.item().reference().isEmpty()) {
        h.append("<h4>Reference</h4><pre>").append(esc(it.item().reference())).append("</pre>\n");
      }
      h.append("</details>\n");
    }
  }

  private static void answer(StringBuilder h, String model, ModelAnswer a) {
    h.append("<div><h4><code>").append(esc(model)).append("</code> · ").append(num(a.scores().overall()))
        .append("</h4>\n");
    if (a.outcome() instanceof ChatOutcome.Failed f) {
      h.append("<p class=\"err\">No answer: ").append(esc(f.reason())).append("</p>\n");
    } else {
      h.append("<pre>").append(esc(a.text())).append("</pre>\n");
    }
    if (!a.scores().scores().isEmpty()) {
      h.append("<table>\n");
      for (Score s : a.scores().scores()) {
        h.append("<tr><td>").append(esc(s.scorer())).append("</td><td class=\"n\">")
            .append(s.applicable() ? num(s.value()) : "–").append("</td><td>").append(esc(s.detail()));
        if (!s.findings().isEmpty()) {
          h.append("<ul class=\"findings\">");
          s.findings().forEach(f -> h.append("<li>").append(esc(f)).append("</li>"));
          h.append("</ul>");
        }
        h.append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</div>\n");
  }

  private static String delta(double d) {
    String cls = d < -PairedComparison.TIE_MARGIN ? "neg" : d > PairedComparison.TIE_MARGIN ? "pos" : "";
    return "<span class=\"" + cls + "\">" + (d > 0 ? "+" : d < 0 ? "−" : "±") + num(Math.abs(d)) + "</span>";
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  /**
   * Escapes text for HTML element content and attribute values; control characters HTML forbids become
   * U+FFFD.
   */
  static String esc(String s) {
    return HtmlText.escReplacingControls(s);
  }
}
