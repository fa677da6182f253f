package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Severity;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleStats;
import dev.quarry.validate.Rules;
import dev.quarry.validate.ValidateStage;
import dev.quarry.validate.SarifBases;
import dev.quarry.validate.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry validate IN.jsonl…}: runs every rule and splits the records into accepted and rejected files.
 * Outputs default to files beside the first input: {@code <name>.accepted.jsonl}, {@code <name>.rejected.jsonl}
 * and {@code <name>.validation.json}; SARIF is written only with {@code --sarif}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Runs every validation rule over JSONL records; valid ones go to the accepted file, the others "
        + "to the rejects file with their reasons.",
        "Outputs default to files beside the first input: NAME.accepted.jsonl, NAME.rejected.jsonl and "
            + "NAME.validation.json. Configuration: -c, else ./quarry.yaml when present, else the defaults.",
        "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage/config error, 3 unreadable input."})
final class ValidateCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "0..*", paramLabel = "IN.jsonl", description = "Files to validate, in order.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-c", "--config"}, paramLabel = "quarry.yaml", description = "Configuration file.")
  Path config;

  @Option(names = "--accepted", paramLabel = "A.jsonl", description = "Where valid records go.")
  Path accepted;

  @Option(names = "--rejected", paramLabel = "R.jsonl", description = "Where rejected records go.")
  Path rejected;

  @Option(names = "--report", paramLabel = "R.json", description = "The JSON report.")
  Path report;

  @Option(names = "--sarif", paramLabel = "R.sarif", description = "Also write findings as SARIF 2.1.0.")
  Path sarif;

  @Option(names = "--repo", paramLabel = "DIR", description = {"The repository the records' source paths are "
      + "relative to: SARIF locations are given from it (%%SRCROOT%%). Default: the current folder."})
  Path repo;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit 1 when a finding is at least this severe: error, warning or never (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--fix", description = "Apply safe fixes (drop attribution trailer lines, redact secrets) and "
      + "validate the repaired records again.")
  boolean fix;

  @Option(names = "--execute", description = "Run each answer's tests in a sandbox (rule execute; same as "
      + "validate.execute.enabled: true). Results are cached in .quarry-exec-cache beside the first input.")
  boolean execute;

  @Option(names = "--typecheck", description = "Type-check each answer's TypeScript (tsc --strict) and Python "
      + "(pyflakes or mypy) (rule typecheck; same as validate.typecheck.enabled: true).")
  boolean typecheck;

  @Option(names = "--list-rules", description = "List the rules with their severity and exit.")
  boolean listRules;

  @Mixin
  CommonOptions common;

  @Mixin
  InputFormatOption inputFormat;

  ValidateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Severity threshold = threshold();
    QuarryConfig cfg = ConfigLoader.resolve(Path.of(""), config);
    inputFormat.apply(cfg);
    if (listRules) {
      return listRules(cfg);
    }
    if (inputs.isEmpty()) {
      throw new UsageException("no input file given", "name one or more JSONL files: quarry validate IN.jsonl");
    }
    Path first = inputs.get(0);
    Path acc = accepted != null ? accepted : beside(first, ".accepted.jsonl");
    Path rej = rejected != null ? rejected : beside(first, ".rejected.jsonl");
    Path rep = report != null ? report : beside(first, ".validation.json");
    if (acc.toAbsolutePath().normalize().equals(rej.toAbsolutePath().normalize())) {
      throw new UsageException("--accepted and --rejected are the same file: " + acc, "give two different files");
    }
    java.util.Set<String> enable = new java.util.TreeSet<>();
    if (execute) {
      enable.add("execute");
    }
    if (typecheck) {
      enable.add("typecheck");
    }
    Path cacheDir = first.toAbsolutePath().getParent().resolve(".quarry-exec-cache");
    ValidationReport r = new ValidateStage(cfg, fix, terminal.progress(common.quiet))
        .withExecution(repo == null ? null : repo.toAbsolutePath(), cacheDir, enable).run(inputs, acc, rej);
    r.writeJson(rep);
    if (sarif != null) {
      r.writeSarif(sarif, SarifBases.of(repo != null ? repo : Path.of(""), Path.of("")));
    }
    summary(r, acc, rej, rep);
    return threshold != null && r.hasFindingsAtLeast(threshold) ? QuarryCli.FINDINGS : QuarryCli.OK;
  }

  private Severity threshold() {
    switch (failOn.toLowerCase(Locale.ROOT)) {
      case "error":
        return Severity.ERROR;
      case "warning":
        return Severity.WARNING;
      case "never":
        return null;
      default:
        throw new UsageException("--fail-on \"" + failOn + "\" is not valid", "use error, warning or never");
    }
  }

  private int listRules(QuarryConfig cfg) {
    for (Rule r : Rules.all()) {
      String configured = cfg.validate().severities().getOrDefault(r.id(), r.defaultSeverity().wire());
      terminal.out().printf("%-15s %-8s %s%n", r.id(), configured, r.description());
    }
    return QuarryCli.OK;
  }

  private static Path beside(Path input, String suffix) {
    String name = input.getFileName().toString();
    String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return input.resolveSibling(stem + suffix);
  }

  private void summary(ValidationReport r, Path acc, Path rej, Path rep) {
    ObjectNode json = r.toJson();
    json.putObject("files").put("accepted", acc.toString()).put("rejected", rej.toString())
        .put("report", rep.toString()).put("sarif", sarif == null ? null : sarif.toString());
    StringBuilder text = new StringBuilder("quarry: validated " + r.in() + " records: " + r.accepted() + " accepted, "
        + r.rejected() + " rejected");
    if (fix) {
      text.append(", ").append(r.fixes().size()).append(" fixed");
    }
    for (RuleStats s : r.rules()) {
      if (s.errors() + s.warnings() + s.infos() > 0) {
        text.append(String.format("%n  %-15s %d errors, %d warnings, %d info in %d records", s.id(), s.errors(),
            s.warnings(), s.infos(), s.flagged()));
      }
    }
    r.mentions().advice().ifPresent(a -> text.append("\n  mentions: ").append(a));
    text.append("\n  accepted: ").append(acc).append("\n  rejected: ").append(rej).append("\n  report:   ").append(rep);
    if (sarif != null) {
      text.append("\n  sarif:    ").append(sarif);
    }
    Summary.print(terminal, common, json, text.toString());
  }
}
