package dev.quarry.export.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.export.ReportView;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.HtmlText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes {@code reports/report.html}: one self-contained page (inline CSS, inline SVG charts, a few lines of
 * inline script for the sample filter; no network, fonts or CDN) with the headline numbers, examples per
 * category against the targets, per extractor, a token-length histogram, rejections per rule, and a browsable
 * sample of accepted and rejected records. Rejections per rule are counted from the rejects file (records
 * with an error finding of the rule) when it is given, else read from the validation report. All record text is HTML-escaped and passed through
 * {@link Redactor}; in rejected records the lines a {@code secrets} or {@code pii} finding points at are
 * replaced whole. Reports are read through {@link ReportView}; a table missing from them is counted from the
 * files given, else shown as "n/a". The page holds no dates, so equal inputs give equal bytes.
 */
public final class HtmlReport {
  /** Records shown per sample list. */
  public static final int SAMPLE = 40;

  /** Records shown per category (accepted) or per rule and category (rejected). */
  public static final int PER_GROUP = 5;

  private HtmlReport() {}

  /**
   * Writes the report.
   *
   * @param out the HTML file to write (atomically)
   * @param validationReport {@code reports/validation.json}, or {@code null}
   * @param distribution {@code reports/distribution.json}, or {@code null}
   * @param rejected the rejected records ({@code rejected.jsonl}), or {@code null}/missing
   * @param acceptedSample accepted records to sample from, e.g. {@code dataset/train.jsonl}, or {@code null}
   */
  public static void write(Path out, ObjectNode validationReport, ObjectNode distribution, Path rejected,
      Path acceptedSample) throws IOException {
    write(out, "Quarry", validationReport, distribution, rejected, acceptedSample);
  }

  /** As {@link #write(Path, ObjectNode, ObjectNode, Path, Path)}, titled after {@code project}. */
  public static void write(Path out, String project, ObjectNode validationReport, ObjectNode distribution,
      Path rejected, Path acceptedSample) throws IOException {
    AtomicFile.writeString(out, render(project, validationReport, distribution, rejected, acceptedSample));
  }

  static String render(ObjectNode validationReport, ObjectNode distribution, Path rejected, Path acceptedSample)
      throws IOException {
    return render("Quarry", validationReport, distribution, rejected, acceptedSample);
  }

  /** The page's text. */
  static String render(String project, ObjectNode validationReport, ObjectNode distribution, Path rejected,
      Path acceptedSample) throws IOException {
    String title = project + " dataset report";
    ReportView view = new ReportView(validationReport, distribution);
    FileStats acc = FileStats.of(acceptedSample, view.tokenHistogram().isEmpty());
    FileStats rej = FileStats.of(rejected, false);
    String accName = acceptedSample == null ? "n/a" : String.valueOf(acceptedSample.getFileName());
    StringBuilder h = new StringBuilder(64 * 1024);
    head(h, title);
    h.append("<h1>").append(HtmlText.esc(title)).append("</h1>\n");
    headline(h, view, rej);
    Map<String, Long> cats = new java.util.LinkedHashMap<>(view.categories());
    view.targets().forEach((name, target) -> cats.putIfAbsent(name, 0L));
    section(h, "Examples per category vs target", cats.isEmpty() && !acc.categories.isEmpty()
        ? SvgChart.bars("categories", acc.categories, Map.of()) + from(accName)
        : SvgChart.bars("categories", cats, view.targets()));
    Map<String, Long> ext = view.extractors();
    section(h, "Examples per extractor", ext.isEmpty() && !acc.extractors.isEmpty()
        ? SvgChart.bars("extractors", acc.extractors, Map.of()) + from(accName)
        : SvgChart.bars("extractors", ext, Map.of()));
    Map<String, Long> hist = view.tokenHistogram();
    section(h, "Token length (cl100k_base)", hist.isEmpty() && !acc.tokenHistogram().isEmpty()
        ? SvgChart.histogram("tokens", acc.tokenHistogram()) + from(accName)
        : SvgChart.histogram("tokens", hist));
    // The rejects file is exact (records per rule among the rejected); the report's table is the fallback.
    Map<String, Long> rules = rej.rules.isEmpty() ? view.rejectsPerRule() : rej.rules;
    boolean none = rules.isEmpty() && rej.records == 0 && view.rejected().orElse(-1) == 0;
    section(h, "Rejected records per rule", none ? "<p class=\"na\">No record was rejected.</p>"
        : SvgChart.bars("rules", rules, Map.of()));
    RecordSamples.section(h, "accepted", "Accepted records (sample from " + accName + ")", acceptedSample, SAMPLE,
        PER_GROUP);
    RecordSamples.section(h, "rejected", "Rejected records (sample, secrets redacted)", rejected, SAMPLE, PER_GROUP);
    h.append("<script>document.documentElement.setAttribute('data-report-ready', 'yes');</script>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(HtmlText.esc(title)).append("</title>\n")
        // Records script errors on the root element, so a headless browser's DOM dump shows them.
        .append("<script>window.addEventListener('error', function (e) { var r = document.documentElement; ")
        .append("r.setAttribute('data-js-errors', (r.getAttribute('data-js-errors') || '') + e.message + ';'); });")
        .append("</script>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
  }

  private static void headline(StringBuilder h, ReportView view, FileStats rej) {
    h.append("<section class=\"numbers\">");
    number(h, "checked", view.validated());
    number(h, "accepted", view.accepted());
    number(h, "rejected", view.rejected().isPresent() ? view.rejected()
        : rej.records > 0 ? OptionalLong.of(rej.records) : OptionalLong.empty());
    number(h, "in dataset", view.total());
    number(h, "tokens p50", view.tokens("p50"));
    number(h, "tokens p99", view.tokens("p99"));
    h.append("</section>\n");
  }

  private static void number(StringBuilder h, String label, OptionalLong n) {
    h.append("<div class=\"num\"><b>").append(n.isPresent() ? Long.toString(n.getAsLong()) : "n/a")
        .append("</b><span>").append(HtmlText.esc(label)).append("</span></div>");
  }

  private static void section(StringBuilder h, String title, String body) {
    h.append("<section><h2>").append(HtmlText.esc(title)).append("</h2>\n").append(body).append("\n</section>\n");
  }

  private static String from(String file) {
    return "<p class=\"note\">Counted from " + HtmlText.esc(file) + ".</p>";
  }

  private static final String CSS = """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1100px;
        color: #1d232b; padding: 0 16px; }
      h1 { font-size: 24px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #dde2e8; }
      .numbers { display: flex; flex-wrap: wrap; gap: 12px; }
      .num { background: #f2f5f8; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
      .num b { display: block; font-size: 22px; } .num span { color: #5b6673; }
      svg .bar { fill: #3f7fbf; } svg .target { stroke: #1d232b; stroke-width: 2; }
      svg .lbl, svg .val { font-size: 12px; fill: #1d232b; }
      .na, .note { color: #5b6673; }
      details { border: 1px solid #dde2e8; border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
      summary { cursor: pointer; } summary code { color: #5b6673; }
      .badge { background: #b3261e; color: #fff; border-radius: 4px; padding: 0 6px; margin-left: 6px; font-size: 12px; }
      .msg { margin: 6px 0; } .role { font-weight: 600; color: #5b6673; text-transform: uppercase; font-size: 11px; }
      pre { background: #f7f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; margin: 2px 0; }
      .reasons { color: #b3261e; } input.filter { padding: 4px 8px; width: 320px; }
      """;
}
