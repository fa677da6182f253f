package dev.quarry.dataset.split;

import java.util.Locale;

/** The three splits, in file and report order. */
public enum SplitName {
  TRAIN,
  VALIDATION,
  TEST;

  /** The wire name and file stem: {@code train}, {@code validation}, {@code test}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name in the output folder, e.g. {@code train.jsonl}. */
  public String fileName() {
    return wire() + ".jsonl";
  }
}
