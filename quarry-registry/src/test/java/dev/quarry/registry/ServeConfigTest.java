package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.UsageException;
import dev.quarry.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving snippets as their consumers read them. The {@code --lora-modules} reader below follows vLLM 0.11's
 * {@code LoRAParserAction} (vllm/entrypoints/openai/cli_args.py): a value with {@code =} and no {@code ,} is split
 * on {@code =} into exactly name and path, anything else is parsed as JSON into {@code LoRAModulePath(name, path,
 * base_model_name=None)}, unknown keys being an error.
 */
class ServeConfigTest {
  private static final Set<String> LORA_MODULE_PATH_FIELDS = Set.of("name", "path", "base_model_name");

  @TempDir
  Path tmp;

  private Adapter adapter(String folder, String name, String base, int rank) throws Exception {
    Path dir = AdapterFixtures.adapter(tmp.resolve(folder), name, base, rank, name);
    return AdapterReader.read(dir, AdapterFixtures.manifest(tmp, "c"), null, null, "t");
  }

  @Test
  void vllmGetsOneServeCommandPerBaseModelWithJsonLoraModulesAndAValidMaxRank() throws Exception {
    Adapter a = adapter("with space", "acme-v2", "Qwen/Qwen2.5-Coder-7B-Instruct", 12);
    String out = ServeConfig.render(ServeTarget.VLLM, List.of(a), "http://localhost:8000/v1", "KEY");
    assertThat(out).isEqualTo("vllm serve Qwen/Qwen2.5-Coder-7B-Instruct \\\n  --port 8000 \\\n  --enable-lora \\\n"
        + "  --max-lora-rank 16 \\\n  --lora-modules \\\n    '{\"name\":\"acme-v2\",\"path\":\"" + a.path()
        + "\",\"base_model_name\":\"Qwen/Qwen2.5-Coder-7B-Instruct\"}'\n");
  }

  @Test
  void twoBaseModelsGetTwoServersOnDistinctPortsAndLitellmRoutesEachAdapterToItsBase() throws Exception {
    Adapter q1 = adapter("q", "acme-qwen", "Qwen/Qwen2.5-Coder-7B-Instruct", 16);
    Adapter l1 = adapter("l", "acme-llama", "meta-llama/Llama-3.1-8B-Instruct", 32);
    Adapter q2 = adapter("q2", "acme-qwen-b", "Qwen/Qwen2.5-Coder-7B-Instruct", 8);
    List<Adapter> all = List.of(q1, l1, q2);

    List<List<String>> servers = vllmServers(ServeConfig.render(ServeTarget.VLLM, all, "http://vllm:8000/v1", "K"));
    assertThat(servers).hasSize(2);
    assertThat(servers).extracting(s -> s.get(2)).containsExactly("Qwen/Qwen2.5-Coder-7B-Instruct",
        "meta-llama/Llama-3.1-8B-Instruct");
    assertThat(servers).extracting(s -> option(s, "--port")).containsExactly("8000", "8001");
    assertThat(servers).extracting(s -> option(s, "--max-lora-rank")).containsExactly("16", "32");
    assertThat(loraModules(servers.get(1))).extracting(n -> n.get("name").asText()).containsExactly("acme-llama");
    assertThat(loraModules(servers.get(0))).extracting(n -> n.get("name").asText())
        .containsExactly("acme-qwen", "acme-qwen-b");
    assertThat(loraModules(servers.get(0))).allSatisfy(
        n -> assertThat(n.get("base_model_name").asText()).isEqualTo("Qwen/Qwen2.5-Coder-7B-Instruct"));

    String lite = ServeConfig.render(ServeTarget.LITELLM, all, "http://vllm:8000/v1", "K");
    JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(lite).get("model_list");
    assertThat(list).extracting(n -> n.get("model_name").asText() + " -> " + n.at("/litellm_params/api_base").asText())
        .containsExactly("acme-qwen -> http://vllm:8000/v1", "acme-qwen-b -> http://vllm:8000/v1",
            "acme-llama -> http://vllm:8001/v1");
  }

  @Test
  void pathsWithEqualsAndCommaReachVllmIntact() throws Exception {
    Adapter a = adapter("runs/lr=2e-4,r=16", "acme", "base", 8);
    List<JsonNode> modules = loraModules(vllmServers(ServeConfig.render(ServeTarget.VLLM, List.of(a),
        "http://localhost:8000/v1", "K")).get(0));
    assertThat(modules).singleElement().satisfies(n -> {
      assertThat(n.get("path").asText()).isEqualTo(a.path()).contains("lr=2e-4,r=16");
      assertThat(n.get("name").asText()).isEqualTo("acme");
    });
  }

  @Test
  void theFirstServerKeepsThePortOfTheGivenApiBase() throws Exception {
    Adapter q = adapter("q", "a", "b1", 8);
    Adapter l = adapter("l", "b", "b2", 8);
    assertThat(ServeConfig.plan(List.of(q, l), "https://gpu.example.com:9000/v1"))
        .extracting(ServedBase::port, ServedBase::apiBase)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(9000, "https://gpu.example.com:9000/v1"),
            org.assertj.core.groups.Tuple.tuple(9001, "https://gpu.example.com:9001/v1"));
  }

  @Test
  void litellmGetsAModelListThatReadsTheKeyFromTheEnvironment() throws Exception {
    Adapter a = adapter("x", "acme-v2", "base", 8);
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

  @Test
  void anApiBaseThatIsNoUrlIsAUsageError() throws Exception {
    Adapter a = adapter("x", "acme", "base", 8);
    assertThatThrownBy(() -> ServeConfig.render(ServeTarget.LITELLM, List.of(a), "vllm:8000", "k"))
        .isInstanceOf(UsageException.class).hasMessageContaining("e.g. http://localhost:8000/v1");
  }

  /** Each {@code vllm serve} command as the words a POSIX shell passes on (single quotes, backslash-newline). */
  private static List<List<String>> vllmServers(String script) {
    List<List<String>> commands = new ArrayList<>();
    for (String line : script.replace("\\\n", " ").split("\n")) {
      List<String> words = new ArrayList<>();
      StringBuilder w = null;
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '\'') {
            quoted = false;
          } else {
            w.append(c);
          }
        } else if (c == '\'') {
          quoted = true;
          w = w == null ? new StringBuilder() : w;
        } else if (c == '\\' && i + 1 < line.length()) {
          w = w == null ? new StringBuilder() : w;
          w.append(line.charAt(++i));
        } else if (c == ' ') {
          if (w != null) {
            words.add(w.toString());
            w = null;
          }
        } else {
          w = w == null ? new StringBuilder() : w;
          w.append(c);
        }
      }
      assertThat(quoted).as("unterminated quote in %s", line).isFalse();
      if (w != null) {
        words.add(w.toString());
      }
      assertThat(words.subList(0, 2)).containsExactly("vllm", "serve");
      commands.add(words);
    }
    return commands;
  }

  private static String option(List<String> words, String name) {
    int i = words.indexOf(name);
    assertThat(i).as("%s in %s", name, words).isPositive();
    return words.get(i + 1);
  }

  /** The values after {@code --lora-modules} (nargs='+'), read the way vLLM's LoRAParserAction reads them. */
  private static List<JsonNode> loraModules(List<String> words) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = words.indexOf("--lora-modules") + 1; i < words.size() && !words.get(i).startsWith("--"); i++) {
      String item = words.get(i);
      try {
        if (item.contains("=") && !item.contains(",")) {
          String[] parts = item.split("=");
          assertThat(parts).as("vLLM unpacks name=path into two values: %s", item).hasSize(2);
          out.add(Json.mapper().createObjectNode().put("name", parts[0]).put("path", parts[1]));
        } else {
          JsonNode n = Json.mapper().readTree(item);
          List<String> keys = new ArrayList<>();
          for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
          }
          assertThat(LORA_MODULE_PATH_FIELDS).as("LoRAModulePath fields").containsAll(keys);
          assertThat(keys).contains("name", "path");
          out.add(n);
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("vLLM: Invalid JSON format for --lora-modules: " + item, e);
      }
    }
    assertThat(out).as("--lora-modules values").isNotEmpty();
    return out;
  }
}
