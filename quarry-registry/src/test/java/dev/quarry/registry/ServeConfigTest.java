package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeConfigTest {
  @TempDir
  Path tmp;

  private Adapter adapter(String name, String base, int rank) throws Exception {
    Path dir = AdapterFixtures.adapter(tmp.resolve("with space"), name, base, rank, name);
    return AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, null, "t");
  }

  @Test
  void vllmGetsOneServeCommandPerBaseModelWithQuotedPathsAndAValidMaxRank() throws Exception {
    Adapter a = adapter("acme-v2", "Qwen/Qwen2.5-Coder-7B-Instruct", 12);
    String out = ServeConfig.render(ServeTarget.VLLM, List.of(a), "http://localhost:8000/v1", "KEY");
    assertThat(out).isEqualTo("vllm serve Qwen/Qwen2.5-Coder-7B-Instruct \\\n  --enable-lora \\\n"
        + "  --max-lora-rank 16 \\\n  --lora-modules '" + "acme-v2=" + a.path() + "'\n");
  }

  @Test
  void litellmGetsAModelListThatReadsTheKeyFromTheEnvironment() throws Exception {
    Adapter a = adapter("acme-v2", "base", 8);
    String out = ServeConfig.render(ServeTarget.LITELLM, List.of(a), "http://vllm:8000/v1", "QUARRY_API_KEY");
    assertThat(out).startsWith("model_list:\n  - model_name: \"acme-v2\"\n    litellm_params:\n"
        + "      model: \"hosted_vllm/acme-v2\"\n      api_base: \"http://vllm:8000/v1\"\n"
        + "      api_key: \"os.environ/QUARRY_API_KEY\"\n");
  }

  @Test
  void nothingToServeIsAUsageErrorThatSaysHowToPromote() {
    assertThatThrownBy(() -> ServeConfig.render(ServeTarget.VLLM, List.of(), "u", "k"))
        .isInstanceOf(UsageException.class).hasMessageContaining("quarry registry promote NAME --stage production");
  }
}
