package dev.quarry.dataset.split;

import dev.quarry.ProgressListener;
import dev.quarry.config.SplitSettings;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Splits one JSONL file into {@code train.jsonl}, {@code validation.jsonl} and {@code test.jsonl}
 * ({@code quarry split}), stratified by category and grouped by {@code Source.fileKey()}: every example of
 * a source file lands in the same split. Two streaming passes: the first counts examples per file and
 * category (memory grows with the number of source files, not examples); {@link GroupAssigner} decides;
 * the second writes each record, in input order, to its file's split. The same input and seed give the
 * same files byte for byte.
 *
 * <p>Malformed lines are an {@link dev.quarry.InputException}: split runs on combined, validated data.
 * Decontamination of validation/test against train is a separate step,
 * {@link dev.quarry.dataset.decontaminate.Decontaminator#heldOutAgainstTrain}, which the build runs after
 * this.
 */
public final class Splitter {
  /** The tag of synthetic examples (issue 13), which always go to train. */
  static final String SYNTHETIC = "synthetic";

  private final SplitSettings settings;
  private final ProgressListener progress;

  /**
   * @param settings shares and seed
   * @param progress receives progress of both passes
   */
  public Splitter(SplitSettings settings, ProgressListener progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Splits {@code in} into {@code outDir/{train,validation,test}.jsonl}, creating the folder.
   *
   * @throws dev.quarry.InputException when {@code in} is missing or has a malformed line
   * @throws IOException when an output cannot be written
   */
  public SplitReport run(Path in, Path outDir) throws IOException {
    Map<String, Map<String, Long>> groups = new TreeMap<>();
    progress.start("split: counting", -1);
    long total = 0;
    try (Stream<Example> s = JsonlReader.examples(in)) {
      for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
        Example e = it.next();
        total++;
        if (e.tags().contains(SYNTHETIC)) {
          // Synthetic examples always train: held-out splits stay mined references, and they do not move groups.
          continue;
        }
        groups.computeIfAbsent(e.source().fileKey(), k -> new TreeMap<>()).merge(e.category(), 1L, Long::sum);
        progress.advance(1);
      }
    }
    progress.done();
    GroupAssigner.Assignment a = GroupAssigner.assign(groups, settings);
    Map<String, Map<SplitName, Long>> perCategory = new TreeMap<>();
    EnumMap<SplitName, Long> sizes = new EnumMap<>(SplitName.class);
    progress.start("split: writing", total);
    EnumMap<SplitName, JsonlWriter> writers = new EnumMap<>(SplitName.class);
    try {
      for (SplitName s : SplitName.values()) {
        writers.put(s, JsonlWriter.open(outDir.resolve(s.fileName())));
      }
      try (Stream<Example> s = JsonlReader.examples(in)) {
        for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
          Example e = it.next();
          SplitName split = e.tags().contains(SYNTHETIC) ? SplitName.TRAIN : a.byGroup().get(e.source().fileKey());
          if (split == null) {
            throw new IllegalStateException(in + " changed between the two passes of split");
          }
          writers.get(split).write(e);
          sizes.merge(split, 1L, Long::sum);
          perCategory.computeIfAbsent(e.category(), k -> new EnumMap<>(SplitName.class)).merge(split, 1L, Long::sum);
          progress.advance(1);
        }
      }
      for (SplitName s : SplitName.values()) {
        writers.get(s).commit();
      }
    } finally {
      for (JsonlWriter w : writers.values()) {
        w.close();
      }
    }
    progress.done();
    return new SplitReport(settings.seed(), settings.validation(), settings.test(), total,
        sizes.getOrDefault(SplitName.TRAIN, 0L), sizes.getOrDefault(SplitName.VALIDATION, 0L),
        sizes.getOrDefault(SplitName.TEST, 0L), groups.size(), perCategory, a.notes());
  }
}
