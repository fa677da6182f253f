package dev.quarry.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The trainer's command line, built from a request and the config it runs on: TRL runs
 * {@code python train_sft.py trl_config.yaml KEY=VALUE…}; axolotl {@code axolotl train axolotl.yaml --key=value…}
 * (or {@code python -m accelerate.commands.launch -m axolotl.cli.train axolotl.yaml --key=value…} when the
 * {@code axolotl} script is not installed beside the interpreter); LLaMA-Factory
 * {@code llamafactory-cli train train_lora.yaml key=value…}. It runs in the config's folder, whose paths are
 * relative to it.
 *
 * @param command the program and its arguments
 * @param workingDir the config's folder
 * @param env extra environment variables
 * @param adapterDir where the adapter will be saved
 */
public record TrainLaunch(List<String> command, Path workingDir, Map<String, String> env, Path adapterDir) {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._/:=@%+,-]+");

  /** Copies the collections. */
  public TrainLaunch {
    command = List.copyOf(command);
    env = Map.copyOf(env);
  }

  /**
   * The launch for {@code request} on {@code config}.
   *
   * @param scripts the interpreter's console-script folder (from the probe), or {@code null} when unknown
   */
  public static TrainLaunch of(TrainRequest request, TrainerConfig config, String scripts) {
    Path adapter = request.outputDir() != null ? request.outputDir().toAbsolutePath().normalize() : config.outputDir();
    List<String> cmd = new ArrayList<>();
    List<String[]> set = new ArrayList<>();
    String py = request.python();
    switch (request.trainer()) {
      case TRL -> {
        cmd.addAll(List.of(py, "train_sft.py", config.file().getFileName().toString()));
        put(set, request.model(), "model");
        put(set, request.outputDir() == null ? null : adapter.toString(), "sft.output_dir");
        put(set, request.maxSteps() > 0 ? String.valueOf(request.maxSteps()) : null, "sft.max_steps");
        if (request.cpu()) {
          set.add(new String[] {"sft.bf16", "false"});
          set.add(new String[] {"sft.use_cpu", "true"});
          set.add(new String[] {"sft.model_init_kwargs.dtype", "float32"});
        }
        set.forEach(kv -> cmd.add(kv[0] + "=" + kv[1]));
      }
      case AXOLOTL -> {
        Path cli = script(scripts, py, "axolotl");
        boolean dashes = cli != null;
        if (dashes) {
          cmd.addAll(List.of(cli.toString(), "train", config.file().getFileName().toString()));
        } else {
          cmd.addAll(List.of(py, "-m", "accelerate.commands.launch", "-m", "axolotl.cli.train",
              config.file().getFileName().toString()));
        }
        put(set, request.model(), "base_model");
        put(set, request.outputDir() == null ? null : adapter.toString(), "output_dir");
        put(set, request.maxSteps() > 0 ? String.valueOf(request.maxSteps()) : null, "max_steps");
        set.forEach(kv -> cmd.add("--" + (dashes ? kv[0].replace('_', '-') : kv[0]) + "=" + kv[1]));
      }
      case LLAMAFACTORY -> {
        Path cli = script(scripts, py, "llamafactory-cli");
        if (cli != null) {
          cmd.addAll(List.of(cli.toString(), "train", config.file().getFileName().toString()));
        } else {
          cmd.addAll(List.of(py, "-m", "llamafactory.cli", "train", config.file().getFileName().toString()));
        }
        put(set, request.model(), "model_name_or_path");
        put(set, request.outputDir() == null ? null : adapter.toString(), "output_dir");
        put(set, request.maxSteps() > 0 ? String.valueOf(request.maxSteps()) : null, "max_steps");
        if (request.cpu()) {
          set.add(new String[] {"bf16", "false"});
        }
        set.forEach(kv -> cmd.add(kv[0] + "=" + kv[1]));
      }
    }
    for (String s : request.settings()) {
      cmd.add(request.trainer() == Trainer.AXOLOTL ? "--" + s : s);
    }
    return new TrainLaunch(cmd, config.folder(), request.env(), adapter);
  }

  /** The command as one shell line, each word quoted when it needs it. */
  public String shellLine() {
    StringBuilder sb = new StringBuilder();
    for (String w : command) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(w));
    }
    return sb.toString();
  }

  /** What to type to run it by hand: {@code cd DIR && NAME=VALUE… COMMAND}. */
  public String scriptLine() {
    StringBuilder sb = new StringBuilder("cd ").append(quote(workingDir.toString())).append(" && ");
    new java.util.TreeMap<>(env).forEach((k, v) -> sb.append(k).append('=').append(quote(v)).append(' '));
    return sb.append(shellLine()).toString();
  }

  /** {@code s} as one POSIX shell word. */
  public static String quote(String s) {
    return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static void put(List<String[]> set, String value, String key) {
    if (value != null) {
      set.add(new String[] {key, value});
    }
  }

  /** A console script installed beside the interpreter, when there is one. */
  private static Path script(String scripts, String python, String name) {
    List<Path> dirs = new ArrayList<>();
    if (scripts != null && !scripts.isEmpty()) {
      dirs.add(Path.of(scripts));
    }
    if (python.contains("/")) {
      Path parent = Path.of(python).toAbsolutePath().getParent();
      if (parent != null) {
        dirs.add(parent);
      }
    }
    for (Path d : dirs) {
      Path p = d.resolve(name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
