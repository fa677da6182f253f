package dev.quarry.train;

import dev.quarry.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * A trainer {@code quarry train} can launch, with what it reads and what it needs installed. The files are the
 * ones {@code quarry build}/{@code train-config} write into {@code export/<trainer>/}.
 */
public enum Trainer {
  /** TRL's SFTTrainer through the generated {@code train_sft.py}. */
  TRL("trl", "openai", "trl_config.yaml", List.of("trl", "peft", "datasets", "transformers", "torch", "yaml"),
      "pip install trl peft datasets pyyaml"),
  /** axolotl's {@code axolotl train}. */
  AXOLOTL("axolotl", "openai", "axolotl.yaml", List.of("axolotl", "torch"), "pip install axolotl"),
  /** LLaMA-Factory's {@code llamafactory-cli train}. */
  LLAMAFACTORY("llamafactory", "sharegpt", "train_lora.yaml", List.of("llamafactory", "torch"),
      "pip install llamafactory");

  private final String wire;
  private final String format;
  private final String configFile;
  private final List<String> modules;
  private final String install;

  Trainer(String wire, String format, String configFile, List<String> modules, String install) {
    this.wire = wire;
    this.format = format;
    this.configFile = configFile;
    this.modules = modules;
    this.install = install;
  }

  /** The name on the command line and of the config folder, e.g. {@code trl}. */
  public String wire() {
    return wire;
  }

  /** The export format the trainer reads: {@code openai} or {@code sharegpt}. */
  public String format() {
    return format;
  }

  /** The config file inside {@code export/<trainer>/}. */
  public String configFile() {
    return configFile;
  }

  /** The Python modules that must import for the trainer to run, the trainer's own first. */
  public List<String> modules() {
    return modules;
  }

  /** The pip command that installs the trainer. */
  public String install() {
    return install;
  }

  /**
   * Parses a trainer name.
   *
   * @throws UsageException naming the valid trainers
   */
  public static Trainer parse(String s) {
    for (Trainer t : values()) {
      if (t.wire.equals(s.strip().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new UsageException("unknown trainer \"" + s + "\"", "use one of: trl, axolotl, llamafactory");
  }
}
