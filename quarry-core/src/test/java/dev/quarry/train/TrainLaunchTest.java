package dev.quarry.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainers' command lines. Override syntax as each trainer parses it: TRL's generated train_sft.py takes dotted
 * KEY=VALUE (YAML values); axolotl's click CLI ({@code axolotl train}, axolotl 0.x) takes {@code --key-name=value}
 * for config fields, its fire entry point ({@code axolotl.cli.train}) {@code --key_name=value}; LLaMA-Factory's
 * {@code llamafactory-cli train} (0.9) reads trailing {@code key=value} as OmegaConf CLI overrides.
 */
class TrainLaunchTest {
  private static final Path EXPORT = Path.of("src/test/resources/golden/build/acme-platform/expected/export");

  @TempDir
  Path tmp;

  private static TrainRequest request(Trainer t, String python, boolean cpu, List<String> settings) {
    return new TrainRequest(t, EXPORT, python, 2, "/models/tiny", null, cpu, settings, Map.of("HF_HUB_OFFLINE", "1"));
  }

  @Test
  void trlRunsTheGeneratedScriptWithDottedOverrides() {
    TrainRequest r = request(Trainer.TRL, "/venv/bin/python", true, List.of("sft.max_length=512"));
    TrainLaunch l = TrainLaunch.of(r, TrainerConfig.read(Trainer.TRL, r.configFolder()), null);
    assertThat(l.command()).containsExactly("/venv/bin/python", "train_sft.py", "trl_config.yaml", "model=/models/tiny",
        "sft.max_steps=2", "sft.bf16=false", "sft.use_cpu=true", "sft.model_init_kwargs.dtype=float32",
        "sft.max_length=512");
    assertThat(l.workingDir()).isEqualTo(EXPORT.resolve("trl").toAbsolutePath().normalize());
    assertThat(l.scriptLine()).startsWith("cd " + l.workingDir() + " && HF_HUB_OFFLINE=1 /venv/bin/python ");
  }

  @Test
  void axolotlUsesItsCliWithDashedOptionsWhenInstalledBesideThePython() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path cli = Files.writeString(bin.resolve("axolotl"), "#!/bin/sh\n");
    assertThat(cli.toFile().setExecutable(true)).isTrue();
    TrainRequest r = request(Trainer.AXOLOTL, bin.resolve("python").toString(), false, List.of());
    TrainLaunch l = TrainLaunch.of(r, TrainerConfig.read(Trainer.AXOLOTL, r.configFolder()), bin.toString());
    assertThat(l.command()).containsExactly(cli.toString(), "train", "axolotl.yaml", "--base-model=/models/tiny",
        "--max-steps=2");
  }

  @Test
  void axolotlFallsBackToAccelerateLaunchOfItsTrainModule() {
    TrainRequest r = request(Trainer.AXOLOTL, "python3", false, List.of());
    TrainLaunch l = TrainLaunch.of(r, TrainerConfig.read(Trainer.AXOLOTL, r.configFolder()), tmp.toString());
    assertThat(l.command()).containsExactly("python3", "-m", "accelerate.commands.launch", "-m", "axolotl.cli.train",
        "axolotl.yaml", "--base_model=/models/tiny", "--max_steps=2");
  }

  @Test
  void llamaFactoryGetsKeyValueOverridesAfterItsYaml() {
    TrainRequest r = request(Trainer.LLAMAFACTORY, "python3", true, List.of());
    TrainLaunch l = TrainLaunch.of(r, TrainerConfig.read(Trainer.LLAMAFACTORY, r.configFolder()), tmp.toString());
    assertThat(l.command()).containsExactly("python3", "-m", "llamafactory.cli", "train", "train_lora.yaml",
        "model_name_or_path=/models/tiny", "max_steps=2", "bf16=false");
    assertThat(l.adapterDir()).isEqualTo(EXPORT.resolve("llamafactory/outputs/lora"));
  }

  @Test
  void wordsWithSpacesAreQuotedForTheShell() {
    assertThat(TrainLaunch.quote("/my models/it's")).isEqualTo("'/my models/it'\\''s'");
    assertThat(TrainLaunch.quote("sft.max_steps=2")).isEqualTo("sft.max_steps=2");
  }
}
