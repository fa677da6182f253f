package dev.quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporters;
import dev.quarry.export.trainer.TrainConfigs;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quarry train-config --trainer T --dataset DIR -o OUT}: exports the format the trainer reads into
 * OUT/<format>/ (when not there yet) and writes the trainer's files into OUT/<trainer>/.
 */
@Command(name = "train-config", mixinStandardHelpOptions = true,
    header = "Writes ready-to-run trainer configs (axolotl, trl, llamafactory).",
    description = "Writes ready-to-run trainer files into OUT/<trainer>/, exporting the data they read into "
        + "OUT/openai/ (axolotl, trl) or OUT/sharegpt/ (llamafactory) when it is not there yet.")
final class TrainConfigCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Option(names = {"-t", "--trainer"}, required = true, paramLabel = "TRAINER",
      description = "axolotl, trl or llamafactory.")
  String trainer;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (train: settings).")
  Path config;

  @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "DIR", description = "The dataset folder.")
  Path dataset;

  @Option(names = "--distribution", paramLabel = "R.json",
      description = "Distribution report (quarry analyze --report); its token p99 sets the sequence length.")
  Path distribution;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The export folder.")
  Path output;

  @Mixin
  CommonOptions common;

  TrainConfigCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    String format = TrainConfigs.formatFor(trainer);
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    Path data = output.resolve(format);
    if (!Files.isRegularFile(data.resolve("train.jsonl"))) {
      if (!Files.isRegularFile(dataset.resolve("train.jsonl"))) {
        throw new InputException(dataset.resolve("train.jsonl").toString(), 0, "no training split",
            "give the dataset folder written by quarry split");
      }
      Exporters.byFormat(format).export(DatasetSplits.in(dataset), data);
    }
    List<Path> files = TrainConfigs.write(trainer, cfg, readReport(distribution), output, output.resolve(trainer));
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("trainer", trainer).put("data", data.toString());
    ArrayNode arr = json.putArray("files");
    StringBuilder text = new StringBuilder("quarry: wrote " + trainer + " files:");
    for (Path f : files) {
      arr.add(f.toString());
      text.append("\n  ").append(f);
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }

  private static ObjectNode readReport(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), 0, "no such file", "give the report written by quarry analyze --report");
    }
    JsonNode n = Json.mapper().readTree(file.toFile());
    if (!n.isObject()) {
      throw new InputException(file.toString(), 1, "not a JSON object", "give the report written by quarry analyze --report");
    }
    return (ObjectNode) n;
  }
}
