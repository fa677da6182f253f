package dev.quarry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PEFT LoRA adapter's {@code adapter_config.json} says about it.
 *
 * @param baseModel {@code base_model_name_or_path}
 * @param rank {@code r}, or 0 when absent
 * @param alpha {@code lora_alpha}, or 0 when absent
 * @param targetModules {@code target_modules}, sorted (PEFT accepts a list or a single regex string)
 * @param peftType {@code peft_type}, or {@code LORA} when absent
 * @param sha256 SHA-256 of the file's bytes
 */
public record AdapterConfig(String baseModel, int rank, double alpha, List<String> targetModules, String peftType,
    String sha256) {
  /** The file name PEFT writes. */
  public static final String FILE = "adapter_config.json";

  /** Copies the list. */
  public AdapterConfig {
    targetModules = List.copyOf(targetModules);
  }

  /**
   * Reads {@code dir/adapter_config.json}.
   *
   * @throws InputException when the file is missing, not JSON, or has no base model
   */
  public static AdapterConfig read(Path dir) {
    Path file = dir.resolve(FILE);
    JsonFiles.Hashed h = JsonFiles.read(file, FILE, "pass the folder a PEFT trainer saved with save_pretrained()");
    JsonNode n = h.json();
    String base = n.path("base_model_name_or_path").asText("");
    if (base.isBlank()) {
      throw new InputException(file.toString(), 0, "base_model_name_or_path is missing",
          "set it to the model the adapter was trained on");
    }
    List<String> targets = new ArrayList<>();
    JsonNode t = n.path("target_modules");
    if (t.isArray()) {
      t.forEach(x -> targets.add(x.asText()));
    } else if (t.isTextual()) {
      targets.add(t.asText());
    }
    targets.sort(null);
    return new AdapterConfig(base, n.path("r").asInt(0), n.path("lora_alpha").asDouble(0),
        targets, n.path("peft_type").asText("LORA"), h.sha256());
  }
}
