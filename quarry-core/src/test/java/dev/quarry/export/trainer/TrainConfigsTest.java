package dev.quarry.export.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporters;
import dev.quarry.io.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigsTest {
  private static final Path INPUT = Path.of("src/test/resources/golden/export/basic/input");
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path export;

  @BeforeEach
  void exportData() throws Exception {
    Exporters.byFormat("openai").export(DatasetSplits.in(INPUT), export.resolve("openai"));
    Exporters.byFormat("sharegpt").export(DatasetSplits.in(INPUT), export.resolve("sharegpt"));
    Exporters.byFormat("alpaca").export(DatasetSplits.in(INPUT), export.resolve("alpaca"));
  }

  private static QuarryConfig config() {
    return ConfigLoader.parse("quarry.yaml", "train: {base_model: meta-llama/Meta-Llama-3-8B-Instruct, epochs: 3, "
        + "learning_rate: 1.5e-5, lora_r: 8, lora_alpha: 16}\n");
  }

  private static ObjectNode distribution(long p99) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.putObject("tokens").put("p99", p99);
    return d;
  }

  @Test
  void axolotlTakesHyperParametersFromTrainAndTheSequenceLengthFromP99() throws Exception {
    List<Path> files = TrainConfigs.write("axolotl", config(), distribution(1500), export, export.resolve("axolotl"));
    assertThat(files).containsExactly(export.resolve("axolotl/axolotl.yaml"));
    String text = Files.readString(files.get(0));
    assertThat(text).startsWith("# axolotl config").contains("#   axolotl train axolotl.yaml");
    JsonNode y = YAML.readTree(text);
    assertThat(y.get("base_model").asText()).isEqualTo("meta-llama/Meta-Llama-3-8B-Instruct");
    assertThat(y.get("num_epochs").asInt()).isEqualTo(3);
    assertThat(y.get("learning_rate").asDouble()).isEqualTo(1.5e-5);
    assertThat(y.get("lora_r").asInt()).isEqualTo(8);
    assertThat(y.get("lora_alpha").asInt()).isEqualTo(16);
    assertThat(y.get("sequence_len").asInt()).isEqualTo(2048);
    assertThat(y.get("adapter").asText()).isEqualTo("qlora");
    JsonNode ds = y.get("datasets").get(0);
    assertThat(ds.get("type").asText()).isEqualTo("chat_template");
    assertThat(ds.get("path").asText()).isEqualTo("../openai/train.jsonl");
    assertThat(export.resolve("axolotl").resolve(ds.get("path").asText())).exists();
    assertThat(y.get("test_datasets").get(0).get("path").asText()).isEqualTo("../openai/validation.jsonl");
  }

  @Test
  void sequenceLengthIsAPowerOfTwoWithinBounds() throws Exception {
    QuarryConfig cfg = QuarryConfig.defaults();
    assertThat(SequenceLength.choose(distribution(100_000), export, 4096).tokens()).isEqualTo(SequenceLength.MAX);
    assertThat(SequenceLength.choose(distribution(3), export, 4096).tokens()).isEqualTo(SequenceLength.MIN);
    assertThat(SequenceLength.choose(distribution(4096), export, 4096).tokens()).isEqualTo(4096);
    assertThat(SequenceLength.choose(distribution(4097), export, 4096).tokens()).isEqualTo(8192);
    assertThat(SequenceLength.choose(null, export, cfg.validate().maxTokens()).why())
        .contains("openai/format-check.json");
    assertThat(SequenceLength.choose(null, export.resolve("nowhere"), 4096).tokens()).isEqualTo(4096);
  }

  @Test
  void trlScriptIsValidPythonAndItsConfigReadsAsFloatsInPyYaml() throws Exception {
    List<Path> files = TrainConfigs.write("trl", config(), null, export, export.resolve("trl"));
    assertThat(files).containsExactly(export.resolve("trl/train_sft.py"), export.resolve("trl/trl_config.yaml"));
    assertThat(Files.readString(files.get(0))).contains("#   python train_sft.py trl_config.yaml");
    JsonNode y = YAML.readTree(files.get(1).toFile());
    assertThat(y.get("sft").get("num_train_epochs").asInt()).isEqualTo(3);
    assertThat(y.get("data_files").get("train").asText()).isEqualTo("../openai/train.jsonl");
    String python = onPath("python3");
    assumeTrue(python != null, "python3 is not installed: skipping py_compile of train_sft.py");
    run(python, "-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
        files.get(0).toString(), export.resolve("compiled.pyc").toString());
    if (run0(python, "-c", "import yaml") == 0) {
      run(python, "-c", "import sys, yaml; c = yaml.safe_load(open(sys.argv[1])); "
          + "assert isinstance(c['sft']['learning_rate'], float), c; assert c['lora']['r'] == 8",
          files.get(1).toString());
    }
  }

  @Test
  void llamaFactoryRegistersTheShareGptExportAndPicksTheModelsTemplate() throws Exception {
    List<Path> files = TrainConfigs.write("llamafactory", config(), null, export, export.resolve("llamafactory"));
    JsonNode info = Json.mapper().readTree(files.get(0).toFile());
    assertThat(info.get("quarry_train").get("file_name").asText()).isEqualTo("../sharegpt/train.jsonl");
    assertThat(info.get("quarry_train").get("tags").get("system_tag").asText()).isEqualTo("system");
    JsonNode y = YAML.readTree(files.get(1).toFile());
    assertThat(y.get("template").asText()).isEqualTo("llama3");
    assertThat(y.get("dataset").asText()).isEqualTo("quarry_train");
    assertThat(y.get("eval_dataset").asText()).isEqualTo("quarry_validation");
    assertThat(y.get("num_train_epochs").asDouble()).isEqualTo(3.0);
    assertThat(LlamaFactoryConfig.template("Qwen/Qwen2.5-Coder-7B-Instruct")).isEqualTo("qwen");
    assertThat(LlamaFactoryConfig.template("acme/unknown")).isEqualTo("default");
  }

  // TRL 1.13.0 SFTConfig / transformers 5.17 TrainingArguments: warmup_ratio is gone (5.15), warmup_steps is
  // "int or float in [0, 1)"; model_init_kwargs.dtype is one of "bfloat16", "float16", "float32", "auto" (default
  // float32); completion_only_loss (bool) trains on the completion of a prompt-completion dataset.
  @Test
  void trlConfigWarmsUpInStepsLoadsInBfloat16AndTrainsOnAnswersOnly() throws Exception {
    List<Path> files = TrainConfigs.write("trl", config(), null, export, export.resolve("trl"));
    JsonNode sft = YAML.readTree(files.get(1).toFile()).get("sft");
    assertThat(sft.has("warmup_ratio")).isFalse();
    assertThat(sft.get("warmup_steps").isInt()).isTrue();
    assertThat(sft.get("warmup_steps").asInt()).isEqualTo(TrainerParams.warmupSteps(trainLines(), 3));
    assertThat(sft.get("model_init_kwargs").get("dtype").asText()).isEqualTo("bfloat16");
    assertThat(sft.get("completion_only_loss").asBoolean()).isTrue();
    assertThat(sft.has("assistant_only_loss")).isFalse();
    assertThat(Files.readString(files.get(0))).contains("def prompt_completion(example)")
        .contains("\"completion\": messages[-1:]");
  }

  @Test
  void warmupIsFivePercentOfTheOptimizerStepsAndAtLeastOne() {
    assertThat(TrainerParams.warmupSteps(800, 3)).isEqualTo(15);
    assertThat(TrainerParams.warmupSteps(9, 1)).isEqualTo(1);
    assertThat(TrainerParams.warmupSteps(0, 1)).isEqualTo(1);
  }

  // axolotl 0.18.0 (src/axolotl/utils/schemas/config.py): flash_attention and sdp_attention are deprecated and
  // stripped by normalize_attn_implementation; attn_implementation (str) is the backend, and sample_packing
  // without one warns and does not keep packed samples apart. warmup_steps is `int | None`.
  @Test
  void axolotlNamesAnAttentionBackendForPackingAndWarmsUpInSteps() throws Exception {
    List<Path> files = TrainConfigs.write("axolotl", config(), null, export, export.resolve("axolotl"));
    JsonNode y = YAML.readTree(files.get(0).toFile());
    assertThat(y.get("sample_packing").asBoolean()).isTrue();
    assertThat(y.get("attn_implementation").asText()).isEqualTo("sdpa");
    assertThat(y.has("flash_attention")).isFalse();
    assertThat(y.has("sdp_attention")).isFalse();
    assertThat(y.has("warmup_ratio")).isFalse();
    assertThat(y.get("warmup_steps").isInt()).isTrue();
  }

  // LLaMA-Factory 0.9.6.dev0 (src/llamafactory/data/parser.py): every top-level entry of dataset_info.json is a
  // dataset (the WebUI lists them all, so a string entry crashes it); Alpaca columns default to
  // prompt=instruction, query=input, response=output with system and history unset (dropped).
  // Its transformers pin (<=5.8.0) moves past 5.15, where warmup_ratio was removed: warmup_steps (int) it is.
  @Test
  void llamaFactoryDatasetInfoHoldsOnlyDatasetsAndRegistersAlpacaWithEveryColumn() throws Exception {
    List<Path> files = TrainConfigs.write("llamafactory", config(), null, export, export.resolve("llamafactory"));
    JsonNode info = Json.mapper().readTree(files.get(0).toFile());
    info.fields().forEachRemaining(e -> assertThat(e.getValue().isObject()).as(e.getKey()).isTrue());
    assertThat(info.has("_comment")).isFalse();
    JsonNode alpaca = info.get("quarry_alpaca_train");
    assertThat(alpaca.get("formatting").asText()).isEqualTo("alpaca");
    assertThat(alpaca.get("file_name").asText()).isEqualTo("../alpaca/train.jsonl");
    assertThat(export.resolve("llamafactory").resolve(alpaca.get("file_name").asText())).exists();
    assertThat(alpaca.get("columns").get("system").asText()).isEqualTo("system");
    assertThat(alpaca.get("columns").get("history").asText()).isEqualTo("history");
    assertThat(alpaca.get("columns").get("prompt").asText()).isEqualTo("instruction");
    JsonNode y = YAML.readTree(files.get(1).toFile());
    assertThat(y.has("warmup_ratio")).isFalse();
    assertThat(y.get("warmup_steps").isInt()).isTrue();
  }

  @Test
  void anEmptyExportGetsANoteSayingSoInsteadOfAConfig() throws Exception {
    Path empty = export.resolve("empty-export");
    Files.createDirectories(empty.resolve("openai"));
    List<Path> files = TrainConfigs.write("axolotl", config(), null, empty, empty.resolve("axolotl"));
    assertThat(files).containsExactly(empty.resolve("axolotl").resolve(TrainConfigs.EMPTY_NOTE));
    assertThat(Files.readString(files.get(0))).contains("the dataset is empty").contains("no axolotl config");
    assertThat(empty.resolve("axolotl/axolotl.yaml")).doesNotExist();
  }

  private long trainLines() throws Exception {
    try (var lines = Files.lines(export.resolve("openai/train.jsonl"))) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }

  @Test
  void rejectsAnUnknownTrainerOrAMissingExport() {
    assertThatThrownBy(() -> TrainConfigs.write("deepspeed", config(), null, export, export))
        .isInstanceOf(UsageException.class).hasMessage("unknown trainer \"deepspeed\" (use one of: axolotl, trl, llamafactory)");
    assertThatThrownBy(() -> TrainConfigs.write("trl", config(), null, export.resolve("empty"), export))
        .isInstanceOf(UsageException.class).hasMessageContaining("no openai training file for trl");
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return null;
  }

  private static void run(String... cmd) throws Exception {
    assertThat(run0(cmd)).as("exit code of %s", String.join(" ", cmd)).isZero();
  }

  private static int run0(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
