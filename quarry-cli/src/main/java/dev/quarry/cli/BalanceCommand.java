package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.balance.BalanceReport;
import dev.quarry.dataset.balance.Balancer;
import dev.quarry.dataset.balance.DeficitPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry balance IN.jsonl -c quarry.yaml -o OUT.jsonl}: applies category targets. */
@Command(name = "balance", mixinStandardHelpOptions = true,
    description = "Applies category targets: keeps the best examples of over-full categories, spread across "
        + "source files, and writes a plan of what is missing.")
final class BalanceCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "IN.jsonl", description = "The dataset.")
  Path input;

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration with the targets.")
  Path config;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jsonl", description = "Balanced file.")
  Path output;

  @Option(names = "--allow-repeat", paramLabel = "N", defaultValue = "0", description = "Let an example of a "
      + "short category be repeated up to N extra times (default: never).")
  int allowRepeat;

  @Option(names = "--plan", paramLabel = "PLAN.json", description = "Write the deficit plan here.")
  Path plan;

  @Option(names = "--coverage", arity = "1..*", paramLabel = "EXTRACTED.jsonl", description = "Extracted "
      + "records listing every source file and symbol, so the plan can name what is not yet covered.")
  List<Path> coverage = new ArrayList<>();

  @Option(names = "--report", paramLabel = "R.json", description = "Write the balance report here.")
  Path report;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  BalanceCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (allowRepeat < 0) {
      throw new UsageException("--allow-repeat " + allowRepeat + " is negative", "give 0 or more extra copies");
    }
    QuarryConfig cfg = ConfigLoader.resolve(null, config);
    inputFormat.apply(cfg);
    BalanceReport r = new Balancer(cfg, allowRepeat, terminal.progress(common.quiet)).withCoverage(coverage)
        .run(input, output);
    ObjectNode json = r.toJson();
    ReportFile.write(report, json);
    ReportFile.write(plan, r.plan().toJson());
    StringBuilder text = new StringBuilder("quarry: balanced " + r.in() + " records into " + r.out() + " ("
        + r.removed() + " removed, " + r.repeated() + " repeated) -> " + output);
    for (DeficitPlan.Entry e : r.plan().entries()) {
      text.append("\n  ").append(e.category()).append(": ").append(e.have()).append(" of ").append(e.target())
          .append(", ").append(e.missing()).append(" missing");
    }
    Summary.print(terminal, common, json, text.toString());
    return QuarryCli.OK;
  }
}
