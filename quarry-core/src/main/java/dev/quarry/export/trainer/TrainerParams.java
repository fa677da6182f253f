package dev.quarry.export.trainer;

import java.math.BigDecimal;

/**
 * What every trainer config is made of: the {@code train:} settings of quarry.yaml, the sequence length
 * derived from the token statistics, the warm-up derived from the training split's size, and the data files
 * as paths relative to the config's folder.
 *
 * @param baseModel Hugging Face id of the base model
 * @param epochs training epochs
 * @param learningRate peak learning rate
 * @param loraR LoRA rank
 * @param loraAlpha LoRA alpha
 * @param sequenceLen maximum sequence length in tokens, a power of two
 * @param sequenceLenWhy where {@link #sequenceLen} came from, for a comment in the config
 * @param warmupSteps linear warm-up in optimizer steps, an integer (see {@link #warmupSteps(long, int)})
 * @param trainFile the training file, relative to the config's folder, {@code /}-separated
 * @param validationFile the validation file likewise, or {@code null} when the dataset has none
 * @param alpacaTrainFile the Alpaca export's training file likewise, or {@code null} when it was not exported
 * @param alpacaValidationFile the Alpaca export's validation file likewise, or {@code null}
 */
record TrainerParams(String baseModel, int epochs, double learningRate, int loraR, int loraAlpha,
    int sequenceLen, String sequenceLenWhy, int warmupSteps, String trainFile, String validationFile,
    String alpacaTrainFile, String alpacaValidationFile) {

  /** Examples per optimizer step of every generated config: micro batch 1 × gradient accumulation 8. */
  static final int EXAMPLES_PER_STEP = 8;

  /** Share of the optimizer steps spent warming up. */
  static final double WARMUP_SHARE = 0.05;

  /**
   * The warm-up as a whole number of steps: 5 % of the run's optimizer steps on one GPU, at least 1. An
   * integer {@code warmup_steps} means the same to every transformers release, whereas {@code warmup_ratio}
   * was removed in transformers 5.15 (the run then silently had no warm-up).
   */
  static int warmupSteps(long trainExamples, int epochs) {
    long steps = (trainExamples + EXAMPLES_PER_STEP - 1) / EXAMPLES_PER_STEP * Math.max(1, epochs);
    return (int) Math.max(1, Math.round(steps * WARMUP_SHARE));
  }

  /** The learning rate as a plain decimal ({@code 0.0002}), which every YAML and Python parser reads as a float. */
  String learningRateText() {
    return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
  }

  /** A YAML/Python double-quoted string literal of {@code s} (JSON escaping is valid in both). */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder();
    dev.quarry.model.ExampleIds.appendJcsString(sb, s);
    return sb.toString();
  }
}
