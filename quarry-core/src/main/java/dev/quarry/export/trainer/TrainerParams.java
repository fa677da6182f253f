package dev.quarry.export.trainer;

import java.math.BigDecimal;

/**
 * What every trainer config is made of: the {@code train:} settings of quarry.yaml, the sequence length
 * derived from the token statistics, and the data files as paths relative to the config's folder.
 *
 * @param baseModel Hugging Face id of the base model
 * @param epochs training epochs
 * @param learningRate peak learning rate
 * @param loraR LoRA rank
 * @param loraAlpha LoRA alpha
 * @param sequenceLen maximum sequence length in tokens, a power of two
 * @param sequenceLenWhy where {@link #sequenceLen} came from, for a comment in the config
 * @param trainFile the training file, relative to the config's folder, {@code /}-separated
 * @param validationFile the validation file likewise, or {@code null} when the dataset has none
 */
record TrainerParams(String baseModel, int epochs, double learningRate, int loraR, int loraAlpha,
    int sequenceLen, String sequenceLenWhy, String trainFile, String validationFile) {

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
