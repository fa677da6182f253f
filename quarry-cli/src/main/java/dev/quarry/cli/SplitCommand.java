package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.config.SplitSettings;
import dev.quarry.dataset.decontaminate.DecontaminationReport;
import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.Decontaminator;
import dev.quarry.dataset.split.SplitCounts;
import dev.quarry.dataset.split.SplitName;
import dev.quarry.dataset.split.SplitReport;
import dev.quarry.dataset.split.Splitter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry split IN.jsonl -o DIR}: train/validation/test, stratified by category, grouped by file. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Splits a dataset into DIR/{train,validation,test}.jsonl, stratified by category and grouped "
        + "by source file (no file in two splits).")
final class SplitCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "IN.jsonl", description = "The dataset.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
  Path outDir;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (split defaults).")
  Path config;

  @Option(names = "--validation", paramLabel = "SHARE", description = "Validation share (default: split.validation, else 0.1).")
  Double validation;

  @Option(names = "--test", paramLabel = "SHARE", description = "Test share (default: split.test, else 0.1).")
  Double test;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: split.seed, else 42).")
  Long seed;

  @Option(names = "--decontaminate", description = "Then drop from validation and test the records that share "
      + "13-word n-grams with train (20 %% of their n-grams or more).")
  boolean decontaminate;

  @Option(names = "--report", paramLabel = "R.json", description = "Write the split report here.")
  Path report;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  SplitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    inputFormat.apply(cfg);
    SplitSettings d = cfg.split();
    SplitSettings s;
    try {
      s = new SplitSettings(validation == null ? d.validation() : validation, test == null ? d.test() : test,
          seed == null ? d.seed() : seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--validation " + validation + " --test " + test + " are invalid",
          "give shares >= 0 whose sum is below 1");
    }
    SplitReport r = new Splitter(s, terminal.progress(common.quiet)).run(input, outDir);
    ObjectNode json = r.toJson();
    String extra = "";
    if (decontaminate) {
      DecontaminationReport dr = new Decontaminator(DecontaminationSettings.defaults(),
          terminal.progress(common.quiet)).heldOutAgainstTrain(outDir.resolve(SplitName.TRAIN.fileName()),
          List.of(outDir.resolve(SplitName.VALIDATION.fileName()), outDir.resolve(SplitName.TEST.fileName())));
      json.set("decontamination", dr.toJson());
      extra = "; " + dr.removed() + " held-out records overlapping train removed";
    }
    // Decontamination removes records after the split: report what the files hold.
    SplitCounts files = SplitCounts.of(outDir);
    files.applyTo(json);
    ReportFile.write(report, json);
    StringBuilder text = new StringBuilder("quarry: split " + r.in() + " records into train "
        + files.size(SplitName.TRAIN) + ", validation " + files.size(SplitName.VALIDATION) + ", test "
        + files.size(SplitName.TEST) + " (" + r.groups() + " source files)" + extra + " -> " + outDir);
    r.notes().forEach((c, n) -> text.append("\n  ").append(c).append(": ").append(n));
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
