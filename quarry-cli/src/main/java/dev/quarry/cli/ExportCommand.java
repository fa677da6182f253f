package dev.quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporter;
import dev.quarry.export.Exporters;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry export DIR --format F… -o OUT}: writes a split dataset in trainer formats, OUT/<format>/. */
@Command(name = "export", mixinStandardHelpOptions = true,
    header = "Writes a split dataset in trainer-ready formats (openai, sharegpt, alpaca, parquet).",
    description = "Writes a split dataset (DIR/{train,validation,test}.jsonl) in trainer-ready formats, each into "
        + "OUT/<format>/ (parquet: OUT/parquet/data/<split>-00000-of-00001.parquet).")
final class ExportCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "DIR", description = "The dataset folder (output of quarry split).")
  Path dataset;

  @Option(names = {"-f", "--format"}, required = true, split = ",", paramLabel = "FORMAT",
      description = "openai, sharegpt, alpaca, parquet (repeat or comma-separate; 'all' for every one).")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The export folder.")
  Path output;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  ExportCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    inputFormat.apply(dev.quarry.config.QuarryConfig.defaults());
    if (!Files.isDirectory(dataset)) {
      throw new InputException(dataset.toString(), 0, "not a folder", "give the dataset folder written by quarry split");
    }
    DatasetSplits splits = DatasetSplits.in(dataset);
    if (splits.existing().isEmpty()) {
      throw new InputException(dataset.toString(), 0, "no train.jsonl, validation.jsonl or test.jsonl here",
          "give the dataset folder written by quarry split");
    }
    java.util.Map<String, Exporter> exporters = new java.util.LinkedHashMap<>();
    for (String f : formats) {
      for (Exporter e : f.equals("all") ? Exporters.all() : List.of(Exporters.byFormat(f))) {
        exporters.putIfAbsent(e.format(), e);
      }
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("output", output.toString());
    ArrayNode done = json.putArray("formats");
    StringBuilder text = new StringBuilder("quarry: exported " + dataset + " into " + output);
    for (Exporter e : exporters.values()) {
      Path dir = output.resolve(e.format());
      e.export(splits, dir);
      done.addObject().put("format", e.format()).put("folder", dir.toString());
      text.append("\n  ").append(e.format()).append(": ").append(dir);
      Path check = dir.resolve("format-check.json");
      if (Files.isRegularFile(check)) {
        JsonNode c = Json.mapper().readTree(check.toFile());
        done.get(done.size() - 1).withObject("/check").put("format_errors", c.path("format_errors").asLong())
            .put("over_token_limit", c.path("over_token_limit").asLong());
        text.append(" (format check: ").append(c.path("format_errors").asLong()).append(" errors, ")
            .append(c.path("over_token_limit").asLong()).append(" over ").append(c.path("token_limit").asLong())
            .append(" tokens)");
      }
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
