package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
  @TempDir
  Path dir;

  private Path adapter(String name, String weights) throws Exception {
    Path a = Files.createDirectories(dir.resolve(name));
    Files.writeString(a.resolve("adapter_config.json"), "{\"base_model_name_or_path\":\"Qwen/Qwen2.5-Coder-7B-Instruct\","
        + "\"r\":16,\"lora_alpha\":32,\"target_modules\":[\"q_proj\",\"v_proj\"]}");
    Files.writeString(a.resolve("adapter_model.safetensors"), weights);
    return a;
  }

  private Path manifest() throws Exception {
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, "{\"tool_version\":\"0.1.0\",\"config_hash\":\"c0ffee\",\"files\":{\"dataset/train.jsonl\":"
        + "{\"sha256\":\"11\"}}}");
    return m;
  }

  private String db() {
    return dir.resolve("reg/registry.db").toString();
  }

  @Test
  void addListPromoteShowCompareAndServe() throws Exception {
    Path m = manifest();
    CliRun add1 = CliRun.of("registry", "add", adapter("acme-v1", "w1").toString(), "--dataset", m.toString(), "--db", db());
    assertThat(add1.code()).isZero();
    assertThat(add1.err()).startsWith("quarry: registered acme-v1 (base Qwen/Qwen2.5-Coder-7B-Instruct, rank 16, weights ");
    assertThat(CliRun.of("registry", "add", adapter("acme-v2", "w2").toString(), "--dataset", m.toString(), "--db", db())
        .code()).isZero();

    CliRun list = CliRun.of("registry", "list", "--db", db(), "--json");
    JsonNode arr = Json.mapper().readTree(list.out());
    assertThat(arr).extracting(n -> n.path("name").asText()).containsExactly("acme-v1", "acme-v2");
    assertThat(arr.path(0).path("lineage").path("config_hash").asText()).isEqualTo("c0ffee");

    assertThat(CliRun.of("registry", "promote", "acme-v1", "--stage", "production", "--db", db()).code()).isZero();
    CliRun p2 = CliRun.of("registry", "promote", "acme-v2", "--stage", "production", "--db", db());
    assertThat(p2.err()).isEqualTo("quarry: acme-v2 is now production (acme-v1 moved from production to staging)\n");

    CliRun show = CliRun.of("registry", "show", "acme-v1", "--db", db());
    assertThat(show.out()).startsWith("acme-v1  (staging)\n").contains("config hash:     c0ffee")
        .contains("production -> staging");

    CliRun cmp = CliRun.of("registry", "compare", "acme-v1", "acme-v2", "--db", db());
    assertThat(cmp.out()).contains("* stage").contains("* weights_sha256").doesNotContain("base_model");

    CliRun serve = CliRun.of("registry", "serve-config", "--for", "vllm", "--db", db());
    assertThat(serve.code()).isZero();
    assertThat(serve.out()).startsWith("vllm serve Qwen/Qwen2.5-Coder-7B-Instruct \\\n  --port 8000")
        .contains("{\"name\":\"acme-v2\",").doesNotContain("\"acme-v1\"");
    assertThat(CliRun.of("registry", "serve-config", "--for", "litellm", "--db", db()).out())
        .contains("model: \"hosted_vllm/acme-v2\"");
  }

  @Test
  void serveConfigJsonListsOneServerPerBaseWithItsPortAndAdapters() throws Exception {
    Path m = manifest();
    assertThat(CliRun.of("registry", "add", adapter("acme-v1", "w1").toString(), "--dataset", m.toString(), "--db", db(),
        "--quiet").code()).isZero();
    CliRun r = CliRun.of("registry", "serve-config", "--for", "vllm", "--stage", "registered", "--db", db(), "--json");
    assertThat(r.code()).isZero();
    JsonNode n = Json.mapper().readTree(r.out());
    assertThat(n.path("backend").asText()).isEqualTo("vllm");
    assertThat(n.path("servers").get(0).path("port").asInt()).isEqualTo(8000);
    assertThat(n.path("servers").get(0).path("adapters").get(0).path("name").asText()).isEqualTo("acme-v1");
    assertThat(n.path("snippet").asText()).startsWith("vllm serve ");
  }

  @Test
  void addRefusesAnEmptyWeightFile() throws Exception {
    Path a = adapter("acme-empty", "");
    CliRun r = CliRun.of("registry", "add", a.toString(), "--dataset", manifest().toString(), "--db", db());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("quarry: " + a.resolve("adapter_model.safetensors") + ": the weight file is empty "
        + "(0 bytes): the trainer did not finish saving it (train again, or pass the folder of a finished run)\n");
    assertThat(CliRun.of("registry", "list", "--db", db(), "--json").out()).doesNotContain("acme-empty");
  }

  @Test
  void anUnknownStageIsAUsageError() throws Exception {
    CliRun r = CliRun.of("registry", "promote", "x", "--stage", "prod", "--db", db());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: unknown stage \"prod\" (use registered, staging or production)\n");
  }

  @Test
  void aCorruptDatabaseIsOneLineExitThreeAndIsLeftAsItWas() throws Exception {
    Path db = dir.resolve("registry.db");
    Files.writeString(db, "garbage, not a database");
    CliRun r = CliRun.of("registry", "list", "--db", db.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("quarry: " + db + ": is not an SQLite database (restore it from a backup or pass "
        + "another --db; Quarry never overwrites it)\n");
    assertThat(Files.readString(db)).isEqualTo("garbage, not a database");
  }

  @Test
  void twoConcurrentAddsFromTheCommandLineBothLand() throws Exception {
    Path m = manifest();
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      dirs.add(adapter("a" + i, "w" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> codes = new ArrayList<>();
      for (Path d : dirs) {
        codes.add(pool.submit(() -> CliRun.of("registry", "add", d.toString(), "--dataset", m.toString(), "--db", db(),
            "--quiet").code()));
      }
      for (Future<Integer> f : codes) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Json.mapper().readTree(CliRun.of("registry", "list", "--db", db(), "--json").out())).hasSize(8);
  }
}
