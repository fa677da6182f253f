package dev.quarry.export.trainer;

/**
 * A TRL {@code SFTTrainer} run: a fixed Python script ({@code train_sft.py}, a resource beside this class)
 * and the YAML it reads ({@code trl_config.yaml}) with the model, data files, LoRA and training arguments.
 * Keeping every value in the YAML means the script never changes with the dataset.
 */
final class TrlConfig {
  static final String SCRIPT = "train_sft.py";
  static final String CONFIG = "trl_config.yaml";

  private TrlConfig() {}

  static String renderConfig(TrainerParams p) {
    StringBuilder y = new StringBuilder();
    y.append("# TRL SFTTrainer config written by quarry, read by ").append(SCRIPT).append(".\n")
        .append("# Run from this folder (needs `pip install trl peft datasets pyyaml` and one CUDA GPU with bf16,\n")
        .append("# e.g. an A10G 24 GB for a 7B model in bfloat16):\n")
        .append("#   python ").append(SCRIPT).append(' ').append(CONFIG).append('\n')
        .append("# Any setting can be overridden on the command line, e.g. sft.max_steps=10 sft.bf16=false.\n\n");
    y.append("model: ").append(TrainerParams.quoted(p.baseModel())).append('\n');
    y.append("data_files:\n")
        .append("  train: ").append(TrainerParams.quoted(p.trainFile())).append('\n');
    if (p.validationFile() != null) {
      y.append("  validation: ").append(TrainerParams.quoted(p.validationFile())).append('\n');
    }
    y.append("lora:\n")
        .append("  r: ").append(p.loraR()).append('\n')
        .append("  lora_alpha: ").append(p.loraAlpha()).append('\n')
        .append("  lora_dropout: 0.05\n")
        .append("  target_modules: all-linear\n")
        .append("  task_type: CAUSAL_LM\n");
    y.append("# Loss on the final assistant answer only, as axolotl (roles_to_train) and LLaMA-Factory do: ")
        .append(SCRIPT).append("\n# turns each conversation into a prompt (every earlier turn) and a completion (the answer).\n");
    y.append("sft:\n")
        .append("  output_dir: outputs/lora\n")
        .append("  num_train_epochs: ").append(p.epochs()).append('\n')
        .append("  learning_rate: ").append(p.learningRateText()).append('\n')
        .append("  # ").append(p.sequenceLenWhy()).append('\n')
        .append("  max_length: ").append(p.sequenceLen()).append('\n')
        .append("  per_device_train_batch_size: 1\n")
        .append("  gradient_accumulation_steps: 8\n")
        .append("  gradient_checkpointing: true\n")
        .append("  lr_scheduler_type: cosine\n")
        .append("  # 5 % of the optimizer steps (").append(TrainerParams.EXAMPLES_PER_STEP)
        .append(" examples per step on one GPU), as a whole number of steps\n")
        .append("  warmup_steps: ").append(p.warmupSteps()).append('\n')
        .append("  logging_steps: 10\n")
        .append("  save_strategy: epoch\n")
        .append("  eval_strategy: ").append(p.validationFile() == null ? "\"no\"" : "epoch").append('\n')
        .append("  bf16: true\n")
        .append("  # load the base model in bfloat16 (float32 would need twice the memory)\n")
        .append("  model_init_kwargs:\n")
        .append("    dtype: bfloat16\n")
        .append("  completion_only_loss: true\n")
        .append("  seed: 42\n");
    return y.toString();
  }
}
