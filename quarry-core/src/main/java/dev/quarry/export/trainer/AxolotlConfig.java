package dev.quarry.export.trainer;

/**
 * An axolotl training YAML for a QLoRA adapter on the OpenAI-format export: {@code chat_template} datasets
 * reading the {@code messages} field, the loss on assistant turns only, the base model's own chat template.
 */
final class AxolotlConfig {
  static final String FILE = "axolotl.yaml";

  private AxolotlConfig() {}

  static String render(TrainerParams p) {
    StringBuilder y = new StringBuilder();
    y.append("# axolotl config written by quarry: QLoRA fine-tuning on the OpenAI-format export.\n")
        .append("# Run from this folder (needs `pip install axolotl` and one CUDA GPU, e.g. an A10G 24 GB):\n")
        .append("#   axolotl train ").append(FILE).append('\n')
        .append("# Plain LoRA instead of QLoRA: set adapter: lora and load_in_4bit: false.\n\n");
    y.append("base_model: ").append(TrainerParams.quoted(p.baseModel())).append('\n')
        .append("chat_template: tokenizer_default\n\n");
    y.append("datasets:\n");
    dataset(y, p.trainFile());
    if (p.validationFile() != null) {
      y.append("test_datasets:\n");
      dataset(y, p.validationFile());
      y.append("    split: train\n");
    } else {
      y.append("val_set_size: 0.0\n");
    }
    y.append("dataset_prepared_path: last_run_prepared\n")
        .append("output_dir: ./outputs/lora\n\n");
    y.append("# ").append(p.sequenceLenWhy()).append('\n')
        .append("sequence_len: ").append(p.sequenceLen()).append('\n')
        .append("sample_packing: true\n")
        .append("eval_sample_packing: false\n")
        .append("pad_to_sequence_len: true\n\n");
    y.append("adapter: qlora\n")
        .append("load_in_4bit: true\n")
        .append("lora_r: ").append(p.loraR()).append('\n')
        .append("lora_alpha: ").append(p.loraAlpha()).append('\n')
        .append("lora_dropout: 0.05\n")
        .append("lora_target_linear: true\n\n");
    y.append("num_epochs: ").append(p.epochs()).append('\n')
        .append("learning_rate: ").append(p.learningRateText()).append('\n')
        .append("micro_batch_size: 1\n")
        .append("gradient_accumulation_steps: 8\n")
        .append("optimizer: adamw_bnb_8bit\n")
        .append("lr_scheduler: cosine\n")
        .append("warmup_steps: ").append(p.warmupSteps()).append('\n')
        .append("weight_decay: 0.0\n")
        .append("bf16: auto\n")
        .append("tf32: false\n")
        .append("gradient_checkpointing: true\n")
        .append("# sample_packing needs an attention backend: sdpa keeps packed samples apart (flash_attention_2 is faster)\n")
        .append("attn_implementation: sdpa\n")
        .append("logging_steps: 10\n")
        .append("evals_per_epoch: ").append(p.validationFile() == null ? 0 : 1).append('\n')
        .append("saves_per_epoch: 1\n")
        .append("seed: 42\n");
    return y.toString();
  }

  private static void dataset(StringBuilder y, String path) {
    y.append("  - path: ").append(TrainerParams.quoted(path)).append('\n')
        .append("    ds_type: json\n")
        .append("    type: chat_template\n")
        .append("    field_messages: messages\n")
        .append("    message_property_mappings:\n")
        .append("      role: role\n")
        .append("      content: content\n")
        .append("    roles_to_train: [\"assistant\"]\n");
  }
}
