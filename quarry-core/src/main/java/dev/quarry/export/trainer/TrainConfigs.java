package dev.quarry.export.trainer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.TrainSettings;
import dev.quarry.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes ready-to-run trainer configurations next to an export: axolotl (a YAML over the OpenAI export), TRL
 * (an {@code SFTTrainer} script and its YAML over the OpenAI export) and LLaMA-Factory
 * ({@code dataset_info.json} and a training YAML over the ShareGPT export). Hyper-parameters come from
 * {@code train:} of quarry.yaml; the sequence length from the token statistics (see {@link SequenceLength}).
 * Data files are referenced relative to the config's folder, so the export folder can be moved or copied to
 * a training machine as a whole. Every file starts with a comment saying how to run it.
 */
public final class TrainConfigs {
  /** The supported trainers, in the order {@code --help} lists them. */
  public static final List<String> TRAINERS = List.of("axolotl", "trl", "llamafactory");

  /** What {@link #write} writes instead of a config when the dataset has no training example. */
  public static final String EMPTY_NOTE = "EMPTY.md";

  private TrainConfigs() {}

  private static String emptyNote(String trainer, String format) {
    return "# No " + trainer + " config: the dataset is empty\n\n"
        + "The " + format + " export has no training example (`../" + format + "/train.jsonl` was not written), so "
        + "there is nothing to train on and quarry wrote no " + trainer + " config.\n"
        + "See `reports/validation.json` for why records were rejected, mine more of the repository, then rebuild.\n";
  }

  /**
   * The export format a trainer reads: {@code openai} for axolotl and TRL, {@code sharegpt} for LLaMA-Factory.
   *
   * @throws UsageException naming the valid trainers when {@code trainer} is unknown
   */
  public static String formatFor(String trainer) {
    return switch (check(trainer)) {
      case "llamafactory" -> "sharegpt";
      default -> "openai";
    };
  }

  /**
   * Writes the configuration files of {@code trainer} into {@code out}.
   *
   * @param trainer {@code axolotl}, {@code trl} or {@code llamafactory}
   * @param cfg the configuration ({@code train:} and {@code validate.max_tokens} are read)
   * @param distribution the distribution report (its token p99 sets the sequence length), or {@code null}
   * @param exportDir the export root holding {@code <format>/train.jsonl} (see {@link #formatFor})
   * @param out the folder for the config files, e.g. {@code export/axolotl}
   * @return the files written, in a fixed order; only {@value #EMPTY_NOTE} when the export folder exists but
   *     has no training file (an empty dataset), so a build of an empty repository still succeeds
   * @throws UsageException when the trainer is unknown or its export was not written
   */
  public static List<Path> write(String trainer, QuarryConfig cfg, ObjectNode distribution, Path exportDir, Path out)
      throws IOException {
    String format = formatFor(trainer);
    Path data = exportDir.resolve(format);
    if (!Files.isRegularFile(data.resolve("train.jsonl")) && Files.isDirectory(data)) {
      return List.of(write(out.resolve(EMPTY_NOTE), emptyNote(trainer, format)));
    }
    if (!Files.isRegularFile(data.resolve("train.jsonl"))) {
      throw new UsageException(data.resolve("train.jsonl") + ": no " + format + " training file for " + trainer,
          "run quarry export DATASET --format " + format + " -o " + exportDir + " first");
    }
    TrainerParams p = params(cfg, distribution, exportDir, out, data);
    List<Path> written = new ArrayList<>();
    switch (trainer) {
      case "axolotl" -> written.add(write(out.resolve(AxolotlConfig.FILE), AxolotlConfig.render(p)));
      case "trl" -> {
        written.add(write(out.resolve(TrlConfig.SCRIPT), resource(TrlConfig.SCRIPT)));
        written.add(write(out.resolve(TrlConfig.CONFIG), TrlConfig.renderConfig(p)));
      }
      default -> {
        written.add(write(out.resolve(LlamaFactoryConfig.DATASET_INFO),
            LlamaFactoryConfig.renderDatasetInfo(p, declaresTools(data))));
        written.add(write(out.resolve(LlamaFactoryConfig.TRAIN), LlamaFactoryConfig.renderTrain(p)));
      }
    }
    return List.copyOf(written);
  }

  /** True when a record of a split file in {@code data} declares tools (a top-level {@code tools} key). */
  static boolean declaresTools(Path data) throws IOException {
    for (String split : List.of("train.jsonl", "validation.jsonl", "test.jsonl")) {
      Path f = data.resolve(split);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try (java.io.BufferedReader r = Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          // A key can only be a raw "tools": outside a string: inside one its quotes are escaped.
          if (line.contains("\"tools\":") && dev.quarry.io.Json.mapper().readTree(line).has("tools")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static TrainerParams params(QuarryConfig cfg, ObjectNode distribution, Path exportDir, Path out, Path data)
      throws IOException {
    TrainSettings t = cfg.train();
    SequenceLength.Choice len = SequenceLength.choose(distribution, exportDir, cfg.validate().maxTokens());
    Path train = data.resolve("train.jsonl");
    Path alpaca = exportDir.resolve("alpaca");
    return new TrainerParams(t.baseModel(), t.epochs(), t.learningRate(), t.loraR(), t.loraAlpha(), len.tokens(),
        len.why(), TrainerParams.warmupSteps(lines(train), t.epochs()), relative(out, train),
        ifExists(out, data.resolve("validation.jsonl")), ifExists(out, alpaca.resolve("train.jsonl")),
        ifExists(out, alpaca.resolve("validation.jsonl")));
  }

  private static String ifExists(Path out, Path file) {
    return Files.isRegularFile(file) ? relative(out, file) : null;
  }

  /** Non-blank lines of a JSONL file, streamed. */
  private static long lines(Path file) throws IOException {
    try (java.util.stream.Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
      return s.filter(l -> !l.isBlank()).count();
    }
  }

  private static String relative(Path from, Path to) {
    Path rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
    return rel.toString().replace('\\', '/');
  }

  private static String check(String trainer) {
    if (!TRAINERS.contains(trainer)) {
      throw new UsageException("unknown trainer \"" + trainer + "\"", "use one of: " + String.join(", ", TRAINERS));
    }
    return trainer;
  }

  private static Path write(Path file, String text) throws IOException {
    AtomicFile.writeString(file, text);
    return file;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TrainConfigs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the build: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
