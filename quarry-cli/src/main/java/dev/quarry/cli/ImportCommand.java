package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.imports.Importer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry import FILE… -o OUT.jsonl}: converts OpenAI, ShareGPT or Alpaca records into Quarry records. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Converts OpenAI chat, ShareGPT or Alpaca JSONL (detected per file, or --input-format) into "
        + "Quarry records: missing source becomes an import provenance (file, line), missing category is assigned "
        + "by the category rules or 'uncategorized', a foreign id moves to meta.source_id, and the original record "
        + "is kept verbatim under meta.original.",
        "Exit codes: 0 ok, 2 usage/config error, 3 unreadable input or a record that cannot be converted."})
final class ImportCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Record files to convert, in order.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jsonl", description = "Where to write.")
  Path output;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (category rules).")
  Path config;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  ImportCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    inputFormat.apply(cfg);
    Importer.Report r = Importer.run(inputs, output);
    ObjectNode json = r.toJson();
    Summary.print(terminal, common, json, "quarry: imported " + r.in() + " records " + json.get("formats")
        + " (" + r.uncategorized() + " uncategorized) -> " + output);
    return QuarryCli.OK;
  }
}
