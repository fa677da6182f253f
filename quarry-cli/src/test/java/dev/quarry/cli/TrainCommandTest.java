package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry train} against a stand-in interpreter (train/fake-python.sh) that answers the probe and plays the
 * TRL script, so the pre-flight, the launch, the streamed log and the exit codes are tested without Python.
 */
class TrainCommandTest {
  private static final String DATASET = "../quarry-core/src/test/resources/golden/export/basic/input";

  @TempDir
  Path dir;

  private Path export;
  private String python;

  @BeforeEach
  void exportAndFakePython() throws Exception {
    export = dir.resolve("out/export");
    assertThat(CliRun.of("train-config", "--trainer", "trl", "--dataset", DATASET, "-o", export.toString(), "-q")
        .code()).isZero();
    Files.writeString(dir.resolve("out/manifest.json"), "{\"tool_version\":\"0.1.0\",\"config_hash\":\"c0ffee\","
        + "\"files\":{}}");
    Path fake = dir.resolve("bin/python");
    Files.createDirectories(fake.getParent());
    try (InputStream in = getClass().getResourceAsStream("/train/fake-python.sh")) {
      Files.copy(in, fake, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    python = fake.toString();
  }

  @Test
  void dryRunPrintsTheCommandItWouldRunInTheConfigFolder() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python, "--cpu", "--max-steps", "2",
        "--dry-run", "--env", "HF_HUB_OFFLINE=1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("cd " + export.resolve("trl").toAbsolutePath().normalize() + " && HF_HUB_OFFLINE=1 "
        + python + " train_sft.py trl_config.yaml sft.max_steps=2 sft.bf16=false sft.use_cpu=true "
        + "sft.model_init_kwargs.dtype=float32\n");
    assertThat(r.err()).contains("  ok   trainer  trl 1.13.0").contains("  ok   gpu      CPU run requested");
    assertThat(export.resolve("trl/outputs")).doesNotExist();
  }

  @Test
  void trainsStreamsTheLogAndTheAdapterRegisters() throws Exception {
    Path adapter = dir.resolve("adapter");
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python, "--cpu", "--max-steps", "2",
        "--output-dir", adapter.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("fake trainer: train_sft.py trl_config.yaml sft.output_dir=" + adapter)
        .contains("adapter saved to " + adapter)
        .contains("register it: quarry registry add " + adapter + " --dataset "
            + dir.resolve("out/manifest.json"));
    CliRun add = CliRun.of("registry", "add", adapter.toString(), "--dataset", dir.resolve("out/manifest.json")
        .toString(), "--db", dir.resolve("reg.db").toString(), "--quiet");
    assertThat(add.code()).as(add.err()).isZero();
  }

  @Test
  void jsonSummaryNamesTheAdapterAndTheRegisterCommand() throws Exception {
    Path adapter = dir.resolve("adapter");
    CliRun r = CliRun.of("train", dir.resolve("out/export").toString(), "--python", python, "--cpu",
        "--output-dir", adapter.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = Json.mapper().readTree(r.out());
    assertThat(n.path("adapter_dir").asText()).isEqualTo(adapter.toString());
    assertThat(n.path("checks").findValuesAsText("status")).containsOnly("ok");
    assertThat(n.path("register").asText()).startsWith("quarry registry add " + adapter);
  }

  @Test
  void aRelativeInterpreterPathMeansTheSameInTheConfigFolder() {
    String relative = Path.of("").toAbsolutePath().relativize(Path.of(python)).toString();
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", relative, "--cpu",
        "--output-dir", dir.resolve("adapter").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("launching trl in " + export.resolve("trl").toAbsolutePath().normalize() + ": "
        + Path.of(relative).toAbsolutePath() + " train_sft.py");
  }

  @Test
  void aTrainerThatFailsIsExitOneWithItsCode() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python, "--cpu",
        "--output-dir", dir.resolve("adapter").toString(), "--env", "FAKE_EXIT=7");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fake trainer failed\n").containsPattern("quarry: trl exited with code 7 after "
        + "[0-9.]+ s \\(read its log above\\)\n$");
  }

  @Test
  void aTrainerThatIsNotInstalledIsExitTwoNamingThePipInstall() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python, "--cpu",
        "--env", "FAKE_MISSING=1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).endsWith("quarry: trl cannot run in " + python + ": trl (not installed), peft (not installed), "
        + "datasets (not installed), transformers (not installed), yaml (not installed) do not import (install it: "
        + python + " -m pip install trl peft datasets pyyaml, or pass --python path/to/venv/bin/python)\n");
  }

  @Test
  void anInterpreterThatDoesNotExistIsExitTwo() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", dir.resolve("nope/python").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("quarry: cannot run " + dir.resolve("nope/python"))
        .endsWith("(pass --python path/to/venv/bin/python, the interpreter the trainer is installed in)\n");
  }

  @Test
  void withoutAGpuAndWithoutCpuTheRunIsRefused() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).endsWith("quarry: no CUDA GPU visible to " + python + ", and trl_config.yaml trains in bf16 "
        + "on a GPU (run on a GPU machine, or pass --cpu for a smoke run)\n");
  }

  @Test
  void dataInTheWrongFormatIsExitThreeNamingFileAndLine() throws Exception {
    Path train = export.resolve("openai/train.jsonl");
    Files.writeString(train, "{\"conversations\":[{\"from\":\"human\",\"value\":\"q\"}]}\n");
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--python", python, "--cpu");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("quarry: " + export.resolve("trl").toAbsolutePath().normalize()
        .resolve("../openai/train.jsonl") + ":1: not an OpenAI chat record (");
  }

  @Test
  void aMissingTrainerConfigIsExitThreeSayingHowToWriteIt() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--trainer", "axolotl", "--python", python);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).endsWith("quarry: " + export.resolve("axolotl") + ": no axolotl config folder (give the export "
        + "folder of a quarry build (out/export), or write it: quarry train-config --trainer axolotl -d DATASET -o "
        + "EXPORT)\n");
  }

  @Test
  void anUnknownTrainerIsAUsageError() {
    CliRun r = CliRun.of("train", dir.resolve("out").toString(), "--trainer", "keras");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: unknown trainer \"keras\" (use one of: trl, axolotl, llamafactory)\n");
  }
}
