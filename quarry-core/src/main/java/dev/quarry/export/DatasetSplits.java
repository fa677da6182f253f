package dev.quarry.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The split files of a dataset folder ({@code dataset/{train,validation,test}.jsonl}, SPEC §4). A path may
 * name a file that does not exist: a missing split is an empty one.
 *
 * @param train the training split
 * @param validation the validation split
 * @param test the test split
 */
public record DatasetSplits(Path train, Path validation, Path test) {
  /** The split names, in the order every output lists them. */
  public static final java.util.List<String> NAMES = java.util.List.of("train", "validation", "test");

  /** Null-checks every path. */
  public DatasetSplits {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
  }

  /** The splits of {@code datasetDir}: {@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl}. */
  public static DatasetSplits in(Path datasetDir) {
    return new DatasetSplits(datasetDir.resolve("train.jsonl"), datasetDir.resolve("validation.jsonl"),
        datasetDir.resolve("test.jsonl"));
  }

  /** Every split by name, in {@link #NAMES} order, whether its file exists or not. */
  public Map<String, Path> all() {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("train", train);
    m.put("validation", validation);
    m.put("test", test);
    return m;
  }

  /** The splits whose file exists, by name, in {@link #NAMES} order. */
  public Map<String, Path> existing() {
    Map<String, Path> m = new LinkedHashMap<>();
    all().forEach((name, p) -> {
      if (Files.isRegularFile(p)) {
        m.put(name, p);
      }
    });
    return m;
  }
}
