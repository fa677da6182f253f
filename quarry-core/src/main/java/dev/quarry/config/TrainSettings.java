package dev.quarry.config;

/**
 * Hyper-parameters for the trainer configs ({@code train:} in quarry.yaml). Defaults follow the seed report.
 *
 * @param baseModel Hugging Face id of the base model
 * @param epochs training epochs
 * @param learningRate peak learning rate
 * @param loraR LoRA rank
 * @param loraAlpha LoRA alpha
 */
public record TrainSettings(String baseModel, int epochs, double learningRate, int loraR, int loraAlpha) {
  /** Qwen2.5-Coder-7B-Instruct, 4 epochs, 2e-4, r 16, alpha 32. */
  public static TrainSettings defaults() {
    return new TrainSettings("Qwen/Qwen2.5-Coder-7B-Instruct", 4, 2e-4, 16, 32);
  }
}
