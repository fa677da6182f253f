package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.DedupSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.combine.CombineReport;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.EvalIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry combine IN.jsonl… -o OUT.jsonl [--dedup none|exact|near]}: merges and deduplicates. */
@Command(name = "combine", mixinStandardHelpOptions = true,
    description = "Merges JSONL files into one, removing exact or near duplicates; survivors list what they "
        + "absorbed in meta.duplicates.")
final class CombineCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "1..*", paramLabel = "IN.jsonl", description = "Input files, merged in this order.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jsonl", description = "Combined file.")
  Path output;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration (dedup defaults).")
  Path config;

  @Option(names = "--dedup", paramLabel = "MODE", description = "none, exact or near (default: the "
      + "configuration's dedup.mode, else exact).")
  String dedup;

  @Option(names = "--threshold", paramLabel = "J", description = "Jaccard similarity for near duplicates, in "
      + "(0, 1] (default: dedup.threshold, else 0.8).")
  Double threshold;

  @Option(names = "--rejected", paramLabel = "R.jsonl", description = "Write malformed lines here instead of "
      + "failing on the first one.")
  Path rejected;

  @Option(names = "--decontaminate-against", arity = "1..*", paramLabel = "EVAL.jsonl",
      description = "Drop records sharing word n-grams with these evaluation sets.")
  List<Path> evalSets = new ArrayList<>();

  @Option(names = "--ngram", paramLabel = "N", defaultValue = "13", description = "Words per n-gram for "
      + "decontamination (default: ${DEFAULT-VALUE}).")
  int ngram;

  @Option(names = "--contamination-threshold", paramLabel = "SHARE", defaultValue = "0.2",
      description = "Drop a record when this share of its n-grams occur in an evaluation set "
          + "(default: ${DEFAULT-VALUE}).")
  double contaminationThreshold;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores); the "
      + "output does not depend on it.")
  Integer threads;

  @Option(names = "--report", paramLabel = "R.json", description = "Write the combine report here.")
  Path report;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  CombineCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    inputFormat.apply(cfg);
    DedupSettings.Mode mode = cfg.dedup().mode();
    if (dedup != null) {
      try {
        mode = DedupSettings.Mode.valueOf(dedup.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--dedup \"" + dedup + "\" is not a dedup mode", "use none, exact or near");
      }
    }
    double j = threshold == null ? cfg.dedup().threshold() : threshold;
    if (!(j > 0 && j <= 1)) {
      throw new UsageException("--threshold " + j + " is out of range", "give a Jaccard similarity in (0, 1]");
    }
    Combiner c = new Combiner(new DedupSettings(mode, j), terminal.progress(common.quiet));
    if (rejected != null) {
      c = c.withRejected(rejected);
    }
    if (threads != null) {
      c = c.withThreads(threads);
    }
    if (!evalSets.isEmpty()) {
      DecontaminationSettings ds;
      try {
        ds = new DecontaminationSettings(ngram, contaminationThreshold);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--ngram " + ngram + " / --contamination-threshold " + contaminationThreshold
            + " are invalid", "use n >= 1 and a share in (0, 1]");
      }
      c = c.withDecontamination(EvalIndex.build(evalSets, ds.n()), ds.threshold());
    }
    CombineReport r = c.run(inputs, output);
    ObjectNode json = r.toJson();
    ReportFile.write(report, json);
    Summary.print(terminal, common, json, "quarry: combined " + r.in() + " records into " + r.out() + " ("
        + r.exactDuplicates() + " exact and " + r.nearDuplicates() + " near duplicates, " + r.contaminated()
        + " contaminated, " + r.malformed() + " malformed removed) -> " + output);
    return QuarryCli.OK;
  }
}
