package dev.quarry.train;

import dev.quarry.QuarryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks {@code quarry train} runs before launching a trainer, in order: the config is there and readable
 * ({@code config}); every data file it names exists and each line has the format the config declares
 * ({@code data}); examples fit the sequence length ({@code tokens}, a warning: the trainer truncates them); the
 * interpreter runs ({@code python}); the trainer's modules import in it ({@code trainer}); the device can do what
 * the config asks ({@code gpu}: CUDA, bf16). A check that cannot run because an earlier one failed is left out.
 * Nothing is downloaded; the only process started is the interpreter with the probe.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * What the checks found.
   *
   * @param checks the checks that ran, in order
   * @param config the config, when it could be read
   * @param environment the interpreter's environment, when the probe ran
   */
  public record Report(List<Check> checks, Optional<TrainerConfig> config, Optional<PythonEnvironment> environment) {
    /** Copies the list. */
    public Report {
      checks = List.copyOf(checks);
    }

    /** The first failed check, when one failed. */
    public Optional<Check> firstFailure() {
      return checks.stream().filter(Check::failed).findFirst();
    }
  }

  /** Runs the checks for {@code request}. */
  public static Report run(TrainRequest request) throws IOException {
    List<Check> checks = new ArrayList<>();
    Optional<TrainerConfig> config = config(request, checks);
    if (config.isEmpty()) {
      return new Report(checks, config, Optional.empty());
    }
    data(config.get(), checks);
    StringBuilder why = new StringBuilder();
    Optional<PythonEnvironment> env = PythonEnvironment.probe(request.python(), request.trainer().modules(),
        request.env(), why);
    if (env.isEmpty()) {
      checks.add(Check.badSetup("python", why.toString(), "pass --python path/to/venv/bin/python, the interpreter "
          + "the trainer is installed in"));
      return new Report(checks, config, env);
    }
    checks.add(Check.ok("python", "Python " + env.get().python() + " at " + env.get().executable()));
    trainer(request, env.get(), checks);
    checks.add(gpu(request, config.get(), env.get()));
    return new Report(checks, config, env);
  }

  private static Optional<TrainerConfig> config(TrainRequest request, List<Check> checks) {
    Path folder = request.configFolder();
    String name = request.trainer().wire();
    if (Files.isRegularFile(folder.resolve("EMPTY.md"))) {
      checks.add(Check.badInput("config", folder.resolve("EMPTY.md") + ": the dataset is empty, so quarry wrote no "
          + name + " config", "see reports/validation.json for why records were rejected, then rebuild"));
      return Optional.empty();
    }
    if (!Files.isDirectory(folder)) {
      checks.add(Check.badInput("config", folder + ": no " + name + " config folder", "give the export folder of a "
          + "quarry build (out/export), or write it: quarry train-config --trainer " + name + " -d DATASET -o EXPORT"));
      return Optional.empty();
    }
    try {
      TrainerConfig c = TrainerConfig.read(request.trainer(), folder);
      if (request.trainer() == Trainer.TRL && !Files.isRegularFile(folder.resolve("train_sft.py"))) {
        checks.add(Check.badInput("config", folder.resolve("train_sft.py") + ": no such file",
            "write it: quarry train-config --trainer trl"));
        return Optional.empty();
      }
      checks.add(Check.ok("config", c.file() + ": base model " + c.model() + ", sequence length " + c.sequenceLen()
          + (c.bf16() ? ", bf16" : "") + ", adapter into " + c.outputDir()));
      return Optional.of(c);
    } catch (QuarryException e) {
      checks.add(new Check("config", Check.Status.FAIL, e.getMessage(), "", e.exitCode()));
      return Optional.empty();
    }
  }

  private static void data(TrainerConfig c, List<Check> checks) throws IOException {
    List<String> found = new ArrayList<>();
    long over = 0;
    long trainRecords = 0;
    int longest = 0;
    for (DataFile f : c.data()) {
      if (!Files.isRegularFile(f.path())) {
        checks.add(Check.badInput("data", f.path() + ": no such file (" + c.file().getFileName() + " " + f.declaredAs()
            + ")", "export it: quarry export DATASET --format " + f.format() + ", or rebuild"));
        return;
      }
      DataScan s = DataScan.of(f, c.sequenceLen());
      if (s.badLine() > 0) {
        checks.add(Check.badInput("data", f.path() + ":" + s.badLine() + ": " + s.badWhy() + ", but "
            + c.file().getFileName() + " reads it as " + f.format(), "re-export the data in the format the trainer "
            + "reads: quarry train-config --trainer " + c.trainer().wire()));
        return;
      }
      if (f.split().equals("train")) {
        if (s.records() == 0) {
          checks.add(Check.badInput("data", f.path() + ": no training example", "rebuild with more examples"));
          return;
        }
        trainRecords += s.records();
        over += s.overLimit();
        longest = Math.max(longest, s.longest());
      }
      found.add(f.split() + " " + s.records() + " " + f.format() + " records (" + f.path().getFileName() + ")");
    }
    checks.add(Check.ok("data", String.join(", ", found)));
    if (over > 0) {
      checks.add(Check.warn("tokens", String.format(Locale.ROOT, "%d of %d training examples are longer than the "
          + "sequence length %d (cl100k estimate, longest %d tokens): the trainer truncates them", over, trainRecords,
          c.sequenceLen(), longest), "raise the sequence length in " + c.file().getFileName()
          + " or shorten the examples"));
    } else {
      checks.add(Check.ok("tokens", "every training example fits the sequence length " + c.sequenceLen()
          + " (cl100k estimate, longest " + longest + " tokens)"));
    }
  }

  private static void trainer(TrainRequest request, PythonEnvironment env, List<Check> checks) {
    List<String> missing = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String m : request.trainer().modules()) {
      Optional<String> why = env.missing(m);
      if (why.isPresent()) {
        missing.add(m + " (" + why.get() + ")");
      } else {
        present.add(m + " " + env.modules().get(m));
      }
    }
    if (!missing.isEmpty()) {
      checks.add(Check.badSetup("trainer", request.trainer().wire() + " cannot run in " + request.python()
          + ": " + String.join(", ", missing) + " do not import", "install it: " + request.python() + " -m "
          + request.trainer().install() + ", or pass --python path/to/venv/bin/python"));
    } else {
      checks.add(Check.ok("trainer", String.join(", ", present)));
    }
  }

  private static Check gpu(TrainRequest request, TrainerConfig c, PythonEnvironment env) {
    if (request.cpu()) {
      if (request.trainer() == Trainer.AXOLOTL) {
        return Check.badSetup("gpu", "axolotl trains on a CUDA GPU only", "run on a GPU machine, or use --trainer trl "
            + "for a CPU smoke run");
      }
      return Check.ok("gpu", "CPU run requested: float32, no bf16 (a smoke run, not a real training)");
    }
    if (!env.cuda()) {
      return Check.badSetup("gpu", "no CUDA GPU visible to " + request.python() + (env.missing("torch").isPresent()
          ? " (torch does not import)" : "") + ", and " + c.file().getFileName() + " trains "
          + (c.bf16() ? "in bf16 on a GPU" : "on a GPU"), "run on a GPU machine, or pass --cpu for a smoke run");
    }
    if (c.bf16() && !env.bf16()) {
      return Check.badSetup("gpu", env.devices() + " has no bf16, and " + c.file().getFileName() + " sets bf16",
          request.trainer() == Trainer.TRL ? "--set sft.bf16=false --set sft.fp16=true --set "
              + "sft.model_init_kwargs.dtype=float16" : "--set bf16=false --set fp16=true");
    }
    return Check.ok("gpu", env.devices().size() + " CUDA device(s): " + String.join(", ", env.devices())
        + (env.bf16() ? ", bf16" : ""));
  }
}
