package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.UsageException;
import dev.quarry.io.TerminalText;
import dev.quarry.train.Check;
import dev.quarry.train.Preflight;
import dev.quarry.train.TrainLaunch;
import dev.quarry.train.TrainRequest;
import dev.quarry.train.TrainRun;
import dev.quarry.train.Trainer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry train [OUT] --trainer trl|axolotl|llamafactory}: pre-flight checks, then the trainer on the config
 * the build wrote, its log streamed to stderr. Exit codes: 0 trained, 1 the trainer failed (or wrote no adapter),
 * 2 set-up (interpreter, trainer not installed, device), 3 input (config or data missing or malformed).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Checks the set-up and runs a trainer on the generated config (trl, axolotl, llamafactory).",
    description = {"Pre-flight: the config and the data it names are there and in the right format, examples fit",
        "the sequence length, the trainer imports in the chosen Python, the device can do what the config asks.",
        "Then launches the trainer in export/<trainer>/ and streams its log to stderr. The adapter folder it",
        "writes can go straight to: quarry registry add ADAPTER --dataset OUT/manifest.json"})
final class TrainCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", arity = "0..1", paramLabel = "OUT",
      description = "A quarry build's output folder, or its export folder (default: out).")
  Path dir = Path.of("out");

  @Option(names = {"-t", "--trainer"}, paramLabel = "TRAINER", description = "trl, axolotl or llamafactory "
      + "(default: trl).")
  String trainer = "trl";

  @Option(names = "--python", paramLabel = "PYTHON", description = "The interpreter the trainer is installed in "
      + "(default: $QUARRY_PYTHON, else python3).")
  String python;

  @Option(names = "--dry-run", description = "Run the pre-flight and print the command, without training.")
  boolean dryRun;

  @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N optimizer steps (a smoke run).")
  int maxSteps;

  @Option(names = "--model", paramLabel = "ID_OR_PATH", description = "Train on this base model instead of the "
      + "config's.")
  String model;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Save the adapter here instead of the config's "
      + "output_dir.")
  Path outputDir;

  @Option(names = "--cpu", description = "Train on the CPU in float32: a smoke run (trl, llamafactory).")
  boolean cpu;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A further setting in the trainer's own key "
      + "names (trl: sft.max_length=1024; llamafactory: cutoff_len=1024; axolotl: sequence-len=1024). Repeatable.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the trainer, e.g. "
      + "HF_HUB_OFFLINE=1. Repeatable.")
  List<String> env = new ArrayList<>();

  @Mixin
  CommonOptions common;

  TrainCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Trainer t = Trainer.parse(trainer);
    if (maxSteps < 0) {
      throw new UsageException("--max-steps " + maxSteps + " is negative", "give a positive number of steps");
    }
    for (String s : settings) {
      if (!s.matches("[A-Za-z_][A-Za-z0-9_.-]*=.*")) {
        throw new UsageException("--set \"" + s + "\" is not KEY=VALUE", "e.g. --set sft.max_length=1024");
      }
    }
    Path export = exportFolder(t);
    // The trainer runs in the config's folder: paths given relative to here must not change meaning there.
    String localModel = model != null && Files.exists(Path.of(model)) ? Path.of(model).toAbsolutePath().toString()
        : model;
    TrainRequest request = new TrainRequest(t, export, interpreter(), maxSteps, localModel, outputDir, cpu, settings,
        environment());
    Preflight.Report report = Preflight.run(request);
    if (!common.quiet && !common.json) {
      for (Check c : report.checks()) {
        terminal.err().println(TerminalText.lines(line(c)));
      }
    }
    TrainLaunch launch = report.config().map(c -> TrainLaunch.of(request, c,
        report.environment().map(e -> e.scripts()).orElse(null))).orElse(null);
    Path manifest = manifest(export);
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("trainer", t.wire());
    ArrayNode checks = json.putArray("checks");
    report.checks().forEach(c -> checks.addObject().put("name", c.name())
        .put("status", c.status().name().toLowerCase(Locale.ROOT)).put("message", c.message()).put("fix", c.fix()));
    if (launch != null) {
      json.put("working_dir", launch.workingDir().toString()).put("command", launch.shellLine())
          .put("adapter_dir", launch.adapterDir().toString());
    }
    if (dryRun) {
      if (launch != null) {
        if (common.json) {
          json.put("dry_run", true);
          Summary.print(terminal, common, json, "");
        } else {
          terminal.out().println(launch.scriptLine());
        }
      }
      report.firstFailure().ifPresent(TrainCommand::fail);
      return QuarryCli.OK;
    }
    report.firstFailure().ifPresent(TrainCommand::fail);
    if (!common.quiet && !common.json) {
      terminal.err().println("quarry: launching " + t.wire() + " in " + launch.workingDir() + ": "
          + launch.shellLine());
    }
    long t0 = System.nanoTime();
    int code = TrainRun.run(launch, common.quiet || common.json ? OutputStream.nullOutputStream() : terminal.err());
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      terminal.err().println("quarry: " + t.wire() + " exited with code " + code + " after "
          + String.format(Locale.ROOT, "%.1f", seconds) + " s (read its log above" + (common.quiet || common.json
          ? "; rerun without --quiet/--json to see it" : "") + ")");
      return QuarryCli.FINDINGS;
    }
    if (!Files.isRegularFile(launch.adapterDir().resolve("adapter_config.json"))) {
      terminal.err().println("quarry: " + t.wire() + " finished but wrote no adapter_config.json in "
          + launch.adapterDir() + " (read its log above; was the run a LoRA run?)");
      return QuarryCli.FINDINGS;
    }
    String register = "quarry registry add " + TrainLaunch.quote(launch.adapterDir().toString())
        + (manifest != null ? " --dataset " + TrainLaunch.quote(manifest.toString()) : " --dataset OUT/manifest.json");
    json.put("seconds", Math.round(seconds * 10) / 10.0).put("register", register);
    Summary.print(terminal, common, json, String.format(Locale.ROOT, "quarry: trained a %s adapter in %.1f s: %s%n"
        + "  register it: %s", t.wire(), seconds, launch.adapterDir(), register));
    return QuarryCli.OK;
  }

  private static void fail(Check c) {
    if (c.exitCode() == QuarryCli.INPUT) {
      throw new InputException(null, 0, c.message(), c.fix());
    }
    throw new UsageException(c.message(), c.fix());
  }

  private static String line(Check c) {
    String status = switch (c.status()) {
      case OK -> "ok  ";
      case WARN -> "WARN";
      case FAIL -> "FAIL";
    };
    return String.format(Locale.ROOT, "  %s %-8s %s%s", status, c.name(), c.message(),
        c.fix().isEmpty() ? "" : " (" + c.fix() + ")");
  }

  private Path exportFolder(Trainer t) {
    if (Files.isDirectory(dir.resolve("export")) && !Files.isDirectory(dir.resolve(t.wire()))) {
      return dir.resolve("export");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir.toString(), 0, "not a folder", "give the output folder of quarry build "
          + "(or its export folder)");
    }
    return dir;
  }

  private static Path manifest(Path export) {
    Path abs = export.toAbsolutePath().normalize();
    for (Path p : new Path[] {abs.resolve("manifest.json"), abs.getParent() == null ? null
        : abs.getParent().resolve("manifest.json")}) {
      if (p != null && Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private String interpreter() {
    if (python != null) {
      return python.contains("/") ? Path.of(python).toAbsolutePath().toString() : python;
    }
    String fromEnv = System.getenv("QUARRY_PYTHON");
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "python3";
  }

  private Map<String, String> environment() {
    Map<String, String> out = new TreeMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq <= 0 || !e.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new UsageException("--env \"" + e + "\" is not NAME=VALUE", "e.g. --env HF_HUB_OFFLINE=1");
      }
      out.put(e.substring(0, eq), e.substring(eq + 1));
    }
    return out;
  }
}
