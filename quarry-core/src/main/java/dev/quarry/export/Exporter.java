package dev.quarry.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a split dataset in one trainer-ready format. Built-ins are listed in {@link Exporters}; plug-ins
 * (such as Parquet, which lives in its own module to keep DuckDB out of the core) come through
 * {@link java.util.ServiceLoader}.
 *
 * <p>Contract: {@link #export} reads every split file of {@code in} that exists, in record order, and writes
 * one output per split into the folder {@code out} (created when missing). A split whose input file is missing
 * or holds no record produces no output file (and an old one from an earlier run is removed), so a folder
 * never holds a stale split. Every file is written atomically and the bytes depend only on the input: two
 * exports of the same dataset are byte-identical. Implementations must be stateless and thread-safe.
 */
public interface Exporter {
  /** The stable kebab-case id used by {@code --format} and as the folder name under {@code export/}. */
  String format();

  /** One line for {@code --help} and the dataset card. */
  String description();

  /**
   * Exports the dataset.
   *
   * @param in the split files to read
   * @param out the folder to write into, e.g. {@code out/export/openai}
   * @throws IOException when a file cannot be written
   * @throws dev.quarry.InputException when an input line is not a valid record
   */
  void export(DatasetSplits in, Path out) throws IOException;

  /**
   * Where {@link #export} puts a split, relative to its folder and {@code /}-separated; the dataset card lists
   * these as the Hugging Face {@code data_files}. The default is {@code <split>.jsonl}.
   */
  default String fileOf(String split) {
    return split + ".jsonl";
  }
}
