package dev.quarry.cli;

import dev.quarry.UsageException;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.InputFormat;
import dev.quarry.io.RecordImport;
import picocli.CommandLine.Option;

/**
 * {@code --input-format} of the verbs that read records: Quarry, OpenAI chat, ShareGPT or Alpaca records,
 * detected per file by default (see {@link InputFormat}).
 */
final class InputFormatOption {
  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Record format of the inputs: auto (detect per file: conversations -> sharegpt, instruction "
          + "-> alpaca, messages -> quarry or openai), quarry, openai, sharegpt or alpaca (default: ${DEFAULT-VALUE}).")
  String inputFormat = "auto";

  /** Sets the format and the category rules (of {@code config}) for this run's record reading. */
  void apply(QuarryConfig config) {
    InputFormat f = InputFormat.fromWire(inputFormat).orElseThrow(() -> new UsageException(
        "--input-format " + inputFormat + " is not a format", "use auto, quarry, openai, sharegpt or alpaca"));
    RecordImport.configure(f, config);
  }
}
