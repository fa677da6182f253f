package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.io.JsonlWriter;
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

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these extractors.")
  List<String> only = new ArrayList<>();

  @Mixin
  CommonOptions common;

  ExtractCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Repository r = Repository.open(repo);
    QuarryConfig cfg = ConfigLoader.resolve(repo, config);
    List<Coverage.Report> reports = new ArrayList<>();
    long n;
    try (JsonlWriter w = JsonlWriter.open(output)) {
      n = new ExtractStage(cfg, terminal.progress(common.quiet)).runInto(r, w, only, reports);
      w.commit();
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("examples", n).put("output", output.toString());
    ArrayNode per = json.putArray("extractors");
    StringBuilder text = new StringBuilder("quarry: extracted " + n + " examples into " + output);
    for (Coverage.Report c : reports) {
      per.addObject().put("id", c.extractor()).put("files_scanned", c.filesScanned())
          .put("candidates", c.candidates()).put("written", c.written());
      text.append("\n  ").append(c.extractor()).append(": ").append(c.written()).append(" from ")
          .append(c.filesScanned()).append(" files");
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
