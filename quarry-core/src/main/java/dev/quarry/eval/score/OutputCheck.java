package dev.quarry.eval.score;

import java.util.List;

/**
 * Looks for something an answer must never contain (attribution markers, secrets). The plug-in point for the
 * validation rules of the same names, so a model is held to the same standard as its training data.
 */
public interface OutputCheck {
  /** Stable id, e.g. {@code secrets}. */
  String id();

  /**
   * What {@code text} contains that it must not, as {@code "<what> at line <n>"}; empty when clean. Never
   * quotes a secret.
   */
  List<String> findings(String text);
}
