package dev.quarry.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small PEFT adapter folders, build manifests and eval reports for registry tests. */
final class AdapterFixtures {
  private AdapterFixtures() {}

  static Path adapter(Path root, String name, String base, int rank, String weights) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("adapter_config.json"), "{\"base_model_name_or_path\":\"" + base + "\",\"r\":" + rank
        + ",\"lora_alpha\":" + (2 * rank) + ",\"target_modules\":[\"v_proj\",\"q_proj\"],\"peft_type\":\"LORA\","
        + "\"task_type\":\"CAUSAL_LM\"}");
    Files.write(dir.resolve("adapter_model.safetensors"), weights.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("README.md"), "not a weight file");
    return dir;
  }

  static Path manifest(Path root, String configHash) throws IOException {
    Path m = root.resolve("manifest-" + configHash + ".json");
    Files.writeString(m, "{\"tool_version\":\"0.1.0\",\"config_hash\":\"" + configHash + "\",\"created\":\"2026-01-01\","
        + "\"files\":{\"dataset/train.jsonl\":{\"sha256\":\"aa11\",\"records\":90},\"dataset/test.jsonl\":\"bb22\"},"
        + "\"counts\":{\"train\":90}}");
    return m;
  }

  static Path evalReport(Path root, double score, double baseline) throws IOException {
    Path r = root.resolve("eval-" + score + ".json");
    Files.writeString(r, "{\"format\":\"quarry-eval/1\",\"model\":\"acme\",\"baseline\":\"base\","
        + "\"summary\":{\"items\":10,\"adapter\":{\"score\":" + score + ",\"failures\":1},\"baseline\":{\"score\":"
        + baseline + ",\"failures\":0}},"
        + "\"categories\":{\"sdk\":{\"adapter\":{\"score\":0.5}},\"agents\":{\"adapter\":{\"score\":0.75}}}}");
    return r;
  }
}
