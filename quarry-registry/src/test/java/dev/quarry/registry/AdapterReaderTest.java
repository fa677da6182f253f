package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import dev.quarry.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterReaderTest {
  @TempDir
  Path tmp;

  @Test
  void readsConfigHashesOnlyWeightFilesAndNamesTheAdapterAfterItsFolder() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "acme-lora", "base/model", 8, "abc");
    Files.writeString(dir.resolve("adapter_model-00002-of-00002.safetensors"), "def");
    Adapter a = AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c1"), null, null, "t");
    assertThat(a.name()).isEqualTo("acme-lora");
    assertThat(a.weights()).extracting(WeightFile::name)
        .containsExactly("adapter_model-00002-of-00002.safetensors", "adapter_model.safetensors");
    assertThat(a.weights().get(1).sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(a.weights().get(1).bytes()).isEqualTo(3);
    assertThat(a.weightsSha256()).hasSize(64);
    assertThat(a.evalIfAny()).isEmpty();
  }

  @Test
  void aFolderWithoutWeightsIsAnInputErrorNamingIt() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "x", "base", 8, "w");
    Files.delete(dir.resolve("adapter_model.safetensors"));
    assertThatThrownBy(() -> AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, null, "t"))
        .isInstanceOf(InputException.class)
        .hasMessage(dir + ": no adapter_model.safetensors or adapter_model.bin (pass the folder the trainer saved the"
            + " adapter in)");
  }

  @Test
  void anEmptyWeightFileIsAnInputErrorNamingTheFile() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "x", "base", 8, "");
    Path w = dir.resolve("adapter_model.safetensors");
    assertThatThrownBy(() -> AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, null, "t"))
        .isInstanceOf(InputException.class)
        .hasMessage(w + ": the weight file is empty (0 bytes): the trainer did not finish saving it (train again, or "
            + "pass the folder of a finished run)");
  }

  @Test
  void aConfigWithoutBaseModelIsAnInputError() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "x", "base", 8, "w");
    Files.writeString(dir.resolve("adapter_config.json"), "{\"r\": 8}");
    assertThatThrownBy(() -> AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, null, "t"))
        .isInstanceOf(InputException.class).hasMessageContaining("base_model_name_or_path is missing");
  }

  @Test
  void aManifestThatIsNotJsonIsAnInputErrorWithItsLine() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "x", "base", 8, "w");
    Path m = tmp.resolve("manifest.json");
    Files.writeString(m, "{\n\"tool_version\": 1,\n oops}");
    assertThatThrownBy(() -> AdapterReader.read(dir, m, null, null, "t")).isInstanceOf(InputException.class)
        .hasMessageStartingWith(m + ":3: dataset manifest is not valid JSON");
  }

  @Test
  void aNameWithSpacesIsRefused() throws Exception {
    Path dir = AdapterFixtures.adapter(tmp, "x", "base", 8, "w");
    assertThatThrownBy(() -> AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, "my adapter", "t"))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("adapter name \"my adapter\" is not allowed");
  }
}
