package dev.quarry.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the trainer configs of the demo build's golden export the way each trainer reads them. */
class TrainerConfigTest {
  private static final Path EXPORT = Path.of("src/test/resources/golden/build/acme-platform/expected/export");

  @TempDir
  Path tmp;

  @Test
  void trlConfigGivesModelMaxLengthBf16OutputAndTheOpenAiFiles() {
    TrainerConfig c = TrainerConfig.read(Trainer.TRL, EXPORT.resolve("trl"));
    assertThat(c.model()).isEqualTo("Qwen/Qwen2.5-Coder-7B-Instruct");
    assertThat(c.sequenceLen()).isEqualTo(2048);
    assertThat(c.bf16()).isTrue();
    assertThat(c.outputDir()).isEqualTo(EXPORT.resolve("trl/outputs/lora"));
    assertThat(c.data()).extracting(DataFile::split, f -> f.path().normalize(), DataFile::format).containsExactly(
        org.assertj.core.groups.Tuple.tuple("train", EXPORT.resolve("openai/train.jsonl"), "openai"),
        org.assertj.core.groups.Tuple.tuple("validation", EXPORT.resolve("openai/validation.jsonl"), "openai"));
  }

  @Test
  void axolotlConfigReadsDatasetsAndTestDatasetsAndBf16AutoIsNotADemand() {
    TrainerConfig c = TrainerConfig.read(Trainer.AXOLOTL, EXPORT.resolve("axolotl"));
    assertThat(c.sequenceLen()).isEqualTo(2048);
    assertThat(c.bf16()).isFalse();
    assertThat(c.data()).extracting(DataFile::split).containsExactly("train", "validation");
    assertThat(c.data().get(0).path().normalize()).isEqualTo(EXPORT.resolve("openai/train.jsonl"));
  }

  @Test
  void llamaFactoryDatasetNamesAreLookedUpInDatasetInfo() {
    TrainerConfig c = TrainerConfig.read(Trainer.LLAMAFACTORY, EXPORT.resolve("llamafactory"));
    assertThat(c.sequenceLen()).isEqualTo(2048);
    assertThat(c.data()).extracting(DataFile::split, f -> f.path().normalize(), DataFile::format).containsExactly(
        org.assertj.core.groups.Tuple.tuple("train", EXPORT.resolve("sharegpt/train.jsonl"), "sharegpt"),
        org.assertj.core.groups.Tuple.tuple("validation", EXPORT.resolve("sharegpt/validation.jsonl"), "sharegpt"));
  }

  @Test
  void aDatasetNameThatIsNotRegisteredIsAnInputErrorNamingIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("llamafactory"));
    Files.writeString(dir.resolve("train_lora.yaml"), "model_name_or_path: m\ndataset: quarry_tran\ncutoff_len: 1024\n"
        + "output_dir: o\n");
    Files.writeString(dir.resolve("dataset_info.json"), "{\"quarry_train\":{\"file_name\":\"t.jsonl\"}}");
    assertThatThrownBy(() -> TrainerConfig.read(Trainer.LLAMAFACTORY, dir)).isInstanceOf(InputException.class)
        .hasMessageContaining("dataset \"quarry_tran\" is not registered in");
  }

  @Test
  void aConfigWithoutSequenceLengthIsAnInputErrorNamingTheKey() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("trl"));
    Files.writeString(dir.resolve("trl_config.yaml"), "model: m\ndata_files: {train: t.jsonl}\nsft: {output_dir: o}\n");
    assertThatThrownBy(() -> TrainerConfig.read(Trainer.TRL, dir)).isInstanceOf(InputException.class)
        .hasMessageContaining("sft.max_length is missing or not a positive integer");
  }
}
