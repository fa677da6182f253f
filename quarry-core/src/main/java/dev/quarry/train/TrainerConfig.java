package dev.quarry.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.InputException;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generated trainer config says that the pre-flight and the launch need: the base model, the sequence
 * length, whether it trains in bf16, where the adapter goes and which data files it reads (with the format each
 * must have). Read from the config the way the trainer reads it: TRL {@code trl_config.yaml} ({@code model},
 * {@code data_files}, {@code sft.max_length}), axolotl {@code axolotl.yaml} ({@code base_model},
 * {@code datasets}/{@code test_datasets}, {@code sequence_len}), LLaMA-Factory {@code train_lora.yaml}
 * ({@code model_name_or_path}, {@code dataset}/{@code eval_dataset} looked up in {@code dataset_info.json},
 * {@code cutoff_len}).
 *
 * @param trainer the trainer
 * @param file the config file
 * @param model the base model id or path
 * @param sequenceLen the maximum sequence length in tokens
 * @param bf16 whether the config asks for bf16 outright (axolotl's {@code auto} does not)
 * @param outputDir where the adapter is saved, resolved against the config's folder
 * @param data the data files, training first
 */
public record TrainerConfig(Trainer trainer, Path file, String model, int sequenceLen, boolean bf16, Path outputDir,
    List<DataFile> data) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Copies the list. */
  public TrainerConfig {
    data = List.copyOf(data);
  }

  /** The folder the trainer runs in (the config's folder: its paths are relative to it). */
  public Path folder() {
    return file.toAbsolutePath().normalize().getParent();
  }

  /**
   * Reads the config of {@code trainer} in {@code folder}.
   *
   * @throws InputException when the file is missing, is not YAML, or lacks a key the trainer needs
   */
  public static TrainerConfig read(Trainer trainer, Path folder) {
    Path file = folder.resolve(trainer.configFile());
    JsonNode n = yaml(file);
    return switch (trainer) {
      case TRL -> new TrainerConfig(trainer, file, text(n, file, "model"), number(n.path("sft"), file, "sft.max_length"),
          n.path("sft").path("bf16").asBoolean(false), folder.resolve(text(n.path("sft"), file, "sft.output_dir")),
          trl(n, file, folder));
      case AXOLOTL -> new TrainerConfig(trainer, file, text(n, file, "base_model"), number(n, file, "sequence_len"),
          n.path("bf16").isBoolean() && n.path("bf16").asBoolean(), folder.resolve(text(n, file, "output_dir")),
          axolotl(n, file, folder));
      case LLAMAFACTORY -> new TrainerConfig(trainer, file, text(n, file, "model_name_or_path"),
          number(n, file, "cutoff_len"), n.path("bf16").asBoolean(false), folder.resolve(text(n, file, "output_dir")),
          llamaFactory(n, file, folder));
    };
  }

  private static List<DataFile> trl(JsonNode n, Path file, Path folder) {
    JsonNode files = n.path("data_files");
    List<DataFile> out = new ArrayList<>();
    out.add(new DataFile("train", folder.resolve(text(files, file, "data_files.train")), "openai", "data_files.train"));
    if (files.hasNonNull("validation")) {
      out.add(new DataFile("validation", folder.resolve(files.get("validation").asText()), "openai",
          "data_files.validation"));
    }
    return out;
  }

  private static List<DataFile> axolotl(JsonNode n, Path file, Path folder) {
    List<DataFile> out = new ArrayList<>();
    for (String[] key : new String[][] {{"datasets", "train"}, {"test_datasets", "validation"}}) {
      JsonNode list = n.path(key[0]);
      for (int i = 0; i < list.size(); i++) {
        JsonNode d = list.get(i);
        String where = key[0] + "[" + i + "]";
        if (!"chat_template".equals(d.path("type").asText()) || !"messages".equals(d.path("field_messages").asText())) {
          throw new InputException(file.toString(), 0, where + " is not type chat_template over field_messages "
              + "messages, which the OpenAI export needs", "rewrite the config: quarry train-config --trainer axolotl");
        }
        out.add(new DataFile(key[1], folder.resolve(text(d, file, where + ".path")), "openai", where + ".path"));
      }
    }
    if (out.isEmpty() || !out.get(0).split().equals("train")) {
      throw new InputException(file.toString(), 0, "datasets is empty", "rewrite the config: quarry train-config "
          + "--trainer axolotl");
    }
    return out;
  }

  private static List<DataFile> llamaFactory(JsonNode n, Path file, Path folder) {
    Path dir = folder.resolve(n.path("dataset_dir").asText("."));
    Path infoFile = dir.resolve("dataset_info.json");
    JsonNode info;
    try {
      info = Json.mapper().readTree(infoFile.toFile());
    } catch (IOException e) {
      throw new InputException(infoFile.toString(), 0, "cannot read dataset_info.json: " + e.getMessage(),
          "rewrite it: quarry train-config --trainer llamafactory");
    }
    List<DataFile> out = new ArrayList<>();
    for (String[] key : new String[][] {{"dataset", "train"}, {"eval_dataset", "validation"}}) {
      if (!n.hasNonNull(key[0]) && key[1].equals("validation")) {
        continue;
      }
      for (String name : text(n, file, key[0]).split(",")) {
        JsonNode d = info.path(name.strip());
        if (!d.isObject()) {
          throw new InputException(file.toString(), 0, key[0] + " \"" + name.strip() + "\" is not registered in "
              + infoFile, "use a name dataset_info.json lists, or rewrite it: quarry train-config --trainer llamafactory");
        }
        out.add(new DataFile(key[1], dir.resolve(text(d, infoFile, name.strip() + ".file_name")),
            d.path("formatting").asText("alpaca"), key[0] + " " + name.strip()));
      }
    }
    return out;
  }

  private static JsonNode yaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), 0, "no such trainer config",
          "write it with quarry build or quarry train-config");
    }
    try {
      JsonNode n = YAML.readTree(file.toFile());
      if (n == null || !n.isObject()) {
        throw new InputException(file.toString(), 0, "not a YAML mapping", "rewrite it with quarry train-config");
      }
      return n;
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
          "rewrite it with quarry train-config");
    }
  }

  private static String text(JsonNode n, Path file, String key) {
    JsonNode v = n.path(key.substring(key.lastIndexOf('.') + 1));
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InputException(file.toString(), 0, key + " is missing", "rewrite the config with quarry train-config");
    }
    return v.asText();
  }

  private static int number(JsonNode n, Path file, String key) {
    JsonNode v = n.path(key.substring(key.lastIndexOf('.') + 1));
    if (!v.canConvertToInt() || v.asInt() <= 0) {
      throw new InputException(file.toString(), 0, key + " is missing or not a positive integer",
          "rewrite the config with quarry train-config");
    }
    return v.asInt();
  }
}
