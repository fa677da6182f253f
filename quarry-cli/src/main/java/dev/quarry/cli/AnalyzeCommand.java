package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.analyze.AnalysisReport;
import dev.quarry.dataset.analyze.Analyzer;
import dev.quarry.dataset.analyze.QualityAnalyzer;
import dev.quarry.dataset.analyze.QualityCounts;
import dev.quarry.dataset.analyze.QualityReport;
import dev.quarry.dataset.analyze.Gap;
import dev.quarry.export.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry analyze IN.jsonl… [--report R.json] [--html R.html]}: distribution, tokens, quality, gaps. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Describes a dataset: counts by category, extractor and language, token statistics per role, "
        + "a quality table and gaps against category targets.")
final class AnalyzeCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "1..*", paramLabel = "IN.jsonl", description = "One dataset file, or the split files.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (categories, "
      + "targets, tokenizer).")
  Path config;

  @Option(names = "--report", paramLabel = "R.json", description = "Write the JSON report here.")
  Path report;

  @Option(names = "--html", paramLabel = "R.html", description = "Also write a self-contained HTML page: "
      + "categories against targets, extractors, token lengths and a sample of the first input's records.")
  Path html;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository the dataset was mined from: "
      + "the quality figures then measure verbatim copies of source spans and read test files' frameworks.")
  Path repo;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  AnalyzeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    inputFormat.apply(cfg);
    AnalysisReport r = new Analyzer(cfg, terminal.progress(common.quiet)).run(inputs);
    QualityReport q = new QualityAnalyzer(repo, terminal.progress(common.quiet)).run(inputs);
    ObjectNode json = r.toJson();
    json.set("quality_figures", q.toJson());
    ReportFile.write(report, json);
    if (html != null) {
      HtmlReport.write(html, cfg.projectOr("Quarry"), null, json, null, inputs.get(0));
    }
    StringBuilder text = new StringBuilder("quarry: " + r.in() + " examples");
    r.categories().forEach((c, n) -> text.append("\n  ").append(String.format("%-16s %6d  %5.1f %%", c, n,
        r.in() == 0 ? 0.0 : 100.0 * n / r.in())));
    text.append("\n  tokens per example: p50 ").append(r.tokens().get("example").p50()).append(", p99 ")
        .append(r.tokens().get("example").p99()).append(", max ").append(r.tokens().get("example").max());
    QualityCounts o = q.overall();
    text.append("\n  ").append(String.format(java.util.Locale.ROOT, "quality: code-only %.0f %%, reasoning %.0f %%, "
        + "imports %.0f %%, goal-first %.0f %%, verbatim %.0f %%, span overlap %.0f %%, top system prompt %.0f %%, "
        + "placeholders %d", 100 * o.codeOnlyShare(), 100 * o.reasoningShare(), 100 * o.importsShare(),
        100 * o.goalFirstShare(), 100 * o.verbatimShare(), 100 * o.spanOverlapShare(), 100 * q.topSystemPromptShare(),
        o.placeholders()));
    for (Gap g : r.gaps()) {
      if (g.missing() > 0) {
        text.append("\n  gap: ").append(g.category()).append(" has ").append(g.have()).append(" of ")
            .append(g.target()).append(" (").append(g.missing()).append(" missing)");
      }
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
