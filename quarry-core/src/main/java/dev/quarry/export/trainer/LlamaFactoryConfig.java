package dev.quarry.export.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.util.Locale;

/**
 * LLaMA-Factory files: {@code dataset_info.json} registering the ShareGPT export (system prompt as the first
 * turn, read through {@code system_tag}) and, when it was exported, the Alpaca export (every column named, since
 * LLaMA-Factory's default Alpaca columns drop {@code system} and {@code history}); and {@code train_lora.yaml},
 * an SFT LoRA run with {@code dataset_dir: .} so it runs from this folder. {@code dataset_info.json} holds
 * datasets only: LLaMA-Factory's WebUI reads every top-level entry as one, so a note key would crash it.
 */
final class LlamaFactoryConfig {
  static final String DATASET_INFO = "dataset_info.json";
  static final String TRAIN = "train_lora.yaml";
  static final String TRAIN_DATASET = "quarry_train";
  static final String VALIDATION_DATASET = "quarry_validation";
  static final String ALPACA_TRAIN_DATASET = "quarry_alpaca_train";
  static final String ALPACA_VALIDATION_DATASET = "quarry_alpaca_validation";

  private LlamaFactoryConfig() {}

  static String renderDatasetInfo(TrainerParams p) throws JsonProcessingException {
    return renderDatasetInfo(p, false);
  }

  /**
   * The dataset registry; with {@code tools} (some exported conversation declares tools) the ShareGPT entries
   * also name the {@code tools} column and the {@code function_call}/{@code observation} tags.
   */
  static String renderDatasetInfo(TrainerParams p, boolean tools) throws JsonProcessingException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set(TRAIN_DATASET, dataset(p.trainFile(), tools));
    if (p.validationFile() != null) {
      root.set(VALIDATION_DATASET, dataset(p.validationFile(), tools));
    }
    if (p.alpacaTrainFile() != null) {
      root.set(ALPACA_TRAIN_DATASET, alpaca(p.alpacaTrainFile()));
    }
    if (p.alpacaValidationFile() != null) {
      root.set(ALPACA_VALIDATION_DATASET, alpaca(p.alpacaValidationFile()));
    }
    return Json.pretty().writeValueAsString(root) + "\n";
  }

  private static ObjectNode dataset(String file, boolean tools) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("file_name", file).put("formatting", "sharegpt");
    ObjectNode columns = d.putObject("columns").put("messages", "conversations");
    ObjectNode tags = d.putObject("tags").put("role_tag", "from").put("content_tag", "value").put("user_tag", "human")
        .put("assistant_tag", "gpt").put("system_tag", "system");
    if (tools) {
      columns.put("tools", "tools");
      tags.put("function_tag", "function_call").put("observation_tag", "observation");
    }
    return d;
  }

  private static ObjectNode alpaca(String file) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("file_name", file).put("formatting", "alpaca");
    d.putObject("columns").put("prompt", "instruction").put("query", "input").put("response", "output")
        .put("system", "system").put("history", "history");
    return d;
  }

  static String renderTrain(TrainerParams p) {
    StringBuilder y = new StringBuilder();
    y.append("# LLaMA-Factory SFT LoRA config written by quarry; datasets are registered in ").append(DATASET_INFO)
        .append(".\n# Run from this folder (needs `pip install llamafactory` and one CUDA GPU):\n")
        .append("#   llamafactory-cli train ").append(TRAIN).append("\n\n");
    y.append("### model\n")
        .append("model_name_or_path: ").append(TrainerParams.quoted(p.baseModel())).append('\n')
        .append("trust_remote_code: true\n\n");
    y.append("### method\n")
        .append("stage: sft\n")
        .append("do_train: true\n")
        .append("finetuning_type: lora\n")
        .append("lora_rank: ").append(p.loraR()).append('\n')
        .append("lora_alpha: ").append(p.loraAlpha()).append('\n')
        .append("lora_dropout: 0.05\n")
        .append("lora_target: all\n\n");
    y.append("### dataset\n")
        .append("dataset_dir: .\n")
        .append("dataset: ").append(TRAIN_DATASET).append('\n');
    if (p.alpacaTrainFile() != null) {
      y.append("# the same examples in Alpaca form are registered as ").append(ALPACA_TRAIN_DATASET).append('\n');
    }
    if (p.validationFile() != null) {
      y.append("eval_dataset: ").append(VALIDATION_DATASET).append('\n');
    }
    y.append("template: ").append(template(p.baseModel())).append('\n')
        .append("# ").append(p.sequenceLenWhy()).append('\n')
        .append("cutoff_len: ").append(p.sequenceLen()).append('\n')
        .append("overwrite_cache: true\n")
        .append("preprocessing_num_workers: 4\n\n");
    y.append("### output\n")
        .append("output_dir: outputs/lora\n")
        .append("logging_steps: 10\n")
        .append("save_strategy: epoch\n")
        .append("plot_loss: true\n")
        .append("overwrite_output_dir: true\n\n");
    y.append("### train\n")
        .append("per_device_train_batch_size: 1\n")
        .append("gradient_accumulation_steps: 8\n")
        .append("learning_rate: ").append(p.learningRateText()).append('\n')
        .append("num_train_epochs: ").append(p.epochs()).append(".0\n")
        .append("lr_scheduler_type: cosine\n")
        .append("# 5 % of the optimizer steps, as a whole number (warmup_ratio is gone from transformers 5.15)\n")
        .append("warmup_steps: ").append(p.warmupSteps()).append('\n')
        .append("bf16: true\n")
        .append("seed: 42\n");
    if (p.validationFile() != null) {
      y.append("\n### eval\n")
          .append("per_device_eval_batch_size: 1\n")
          .append("eval_strategy: epoch\n");
    }
    return y.toString();
  }

  /** LLaMA-Factory's chat template name for a base model id; {@code default} when the family is unknown. */
  static String template(String baseModel) {
    String m = baseModel.toLowerCase(Locale.ROOT);
    if (m.contains("qwen3")) {
      return "qwen3";
    } else if (m.contains("qwen")) {
      return "qwen";
    } else if (m.contains("llama-3") || m.contains("llama3")) {
      return "llama3";
    } else if (m.contains("codellama") || m.contains("llama-2")) {
      return "llama2";
    } else if (m.contains("mistral") || m.contains("mixtral")) {
      return "mistral";
    } else if (m.contains("gemma")) {
      return "gemma";
    } else if (m.contains("deepseek")) {
      return "deepseek3";
    } else if (m.contains("phi")) {
      return "phi";
    }
    return "default";
  }
}
