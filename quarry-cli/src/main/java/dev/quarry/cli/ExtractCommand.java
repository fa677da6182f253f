package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Coverage;
import dev.quarry.extract.CoverageReport;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.io.JsonlWriter;
import dev.quarry.validate.rules.ExtractionRedactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry extract REPO -o OUT.jsonl}: runs the extractors over a repository. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Runs the extractors over a repository into one JSONL file.")
final class ExtractCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository folder.")
  Path repo;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (default: REPO/quarry.yaml if present).")
  Path config;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jsonl", description = "Where to write the examples.")
  Path output;

  @Option(names = "--coverage", paramLabel = "REPORT.json",
      description = "Also write the coverage report: per extractor files scanned, candidates, written and every skip with its reason.")
  Path coverage;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these extractors.")
  List<String> only = new ArrayList<>();

  @Mixin
  CommonOptions common;

  ExtractCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    QuarryConfig cfg = ConfigLoader.resolve(repo, config);
    Repository r = Repository.open(repo, terminal.progress(common.quiet));
    List<Coverage.Report> reports = new ArrayList<>();
    long n;
    try (JsonlWriter w = JsonlWriter.open(output)) {
      n = new ExtractStage(cfg, terminal.progress(common.quiet)).withSanitizer(new ExtractionRedactor(cfg))
          .runInto(r, w, only, reports);
      w.commit();
    }
    if (coverage != null) {
      CoverageReport.write(coverage, r, reports);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("examples", n).put("output", output.toString());
    ArrayNode per = json.putArray("extractors");
    StringBuilder text = new StringBuilder("quarry: extracted " + n + " examples into " + output);
    for (Coverage.Report c : reports) {
      ObjectNode o = per.addObject().put("id", c.extractor()).put("files_scanned", c.filesScanned())
          .put("candidates", c.candidates()).put("written", c.written());
      c.skipsByReason().forEach(o.putObject("skips_by_reason")::put);
      text.append("\n  ").append(CoverageReport.summaryLine(c));
    }
    if (coverage != null) {
      json.put("coverage", coverage.toString());
      text.append("\n  coverage report: ").append(coverage);
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
