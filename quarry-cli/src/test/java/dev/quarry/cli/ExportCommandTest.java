package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  private static final String DATASET = "../quarry-core/src/test/resources/golden/export/basic/input";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return QuarryCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exportsEveryFormatIntoOneFolderEach(@TempDir Path tmp) {
    assertThat(run("export", DATASET, "--format", "all", "-o", tmp.toString(), "--json")).isZero();
    assertThat(tmp.resolve("openai/train.jsonl")).exists();
    assertThat(tmp.resolve("openai/format-check.json")).exists();
    assertThat(tmp.resolve("sharegpt/validation.jsonl")).exists();
    assertThat(tmp.resolve("alpaca/test.jsonl")).exists();
    assertThat(tmp.resolve("parquet/data/train-00000-of-00001.parquet")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"format_errors\" : 0");
  }

  @Test
  void unknownFormatExitsWithUsageErrorNamingTheValidOnes(@TempDir Path tmp) {
    assertThat(run("export", DATASET, "-f", "csv", "-o", tmp.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("quarry: unknown export format \"csv\" (use one of: openai, sharegpt, alpaca, parquet)\n");
  }

  @Test
  void aFolderWithoutSplitsIsAnInputError(@TempDir Path tmp) {
    assertThat(run("export", tmp.toString(), "-f", "openai", "-o", tmp.resolve("out").toString())).isEqualTo(3);
    assertThat(err()).isEqualTo("quarry: " + tmp + ": no train.jsonl, validation.jsonl or test.jsonl here "
        + "(give the dataset folder written by quarry split)\n");
  }

  @Test
  void trainConfigExportsTheDataItNeedsAndWritesTheTrainersFiles(@TempDir Path tmp) {
    assertThat(run("train-config", "--trainer", "llamafactory", "--dataset", DATASET, "-o", tmp.toString(), "-q"))
        .isZero();
    assertThat(tmp.resolve("sharegpt/train.jsonl")).exists();
    assertThat(tmp.resolve("llamafactory/dataset_info.json")).exists();
    assertThat(tmp.resolve("llamafactory/train_lora.yaml")).exists();
    assertThat(err()).isEmpty();
  }

  @Test
  void unknownTrainerIsAUsageError(@TempDir Path tmp) {
    assertThat(run("train-config", "--trainer", "keras", "--dataset", DATASET, "-o", tmp.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("quarry: unknown trainer \"keras\" (use one of: axolotl, trl, llamafactory)\n");
  }
}
