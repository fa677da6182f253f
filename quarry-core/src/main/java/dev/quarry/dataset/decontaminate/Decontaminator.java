package dev.quarry.dataset.decontaminate;

import dev.quarry.ProgressListener;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drops records that share too many word n-grams with another set (see {@link DecontaminationSettings}).
 * Two uses:
 * <ul>
 *   <li>{@link #filter}: drop from a training file what overlaps external evaluation sets (what
 *       {@code quarry combine --decontaminate-against} does inside its own pass);</li>
 *   <li>{@link #heldOutAgainstTrain}: after a split, drop from validation and test what overlaps train, so
 *       held-out scores measure unseen content. The held-out side loses records, not train: it is the
 *       smaller side and the one whose purity matters.</li>
 * </ul>
 * Memory is bounded by the n-grams of the smaller side. Malformed lines are an
 * {@link dev.quarry.InputException} in the filtered file and skipped in the reference sets.
 */
public final class Decontaminator {
  private final DecontaminationSettings settings;
  private final ProgressListener progress;

  /**
   * @param settings n-gram size and threshold
   * @param progress receives progress
   */
  public Decontaminator(DecontaminationSettings settings, ProgressListener progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Writes to {@code out} the records of {@code in} whose overlap with {@code evalSets} is below the
   * threshold.
   *
   * @throws IOException when {@code out} cannot be written
   */
  public DecontaminationReport filter(Path in, List<Path> evalSets, Path out) throws IOException {
    return filterWith(in, EvalIndex.build(evalSets, settings.n()), out);
  }

  /**
   * Removes from each held-out file (rewritten in place, atomically) the records whose overlap with
   * {@code train} reaches the threshold. Files that do not exist are skipped.
   *
   * @param train the training split
   * @param heldOut validation and test files
   * @return the counts over all held-out files
   * @throws IOException when a file cannot be rewritten
   */
  public DecontaminationReport heldOutAgainstTrain(Path train, List<Path> heldOut) throws IOException {
    List<Path> present = heldOut.stream().filter(Files::isRegularFile).toList();
    EvalIndex common = EvalIndex.build(present, settings.n()).intersect(train);
    DecontaminationReport total = new DecontaminationReport(settings.n(), settings.threshold(), 0, 0, 0,
        List.of());
    for (Path p : present) {
      total = total.plus(filterWith(p, common, p));
    }
    return total;
  }

  private DecontaminationReport filterWith(Path in, EvalIndex index, Path out) throws IOException {
    progress.start("decontaminate: " + in.getFileName(), -1);
    List<ContaminatedRecord> dropped = new ArrayList<>();
    long read = 0;
    try (JsonlWriter w = JsonlWriter.open(out); Stream<JsonlLine> s = JsonlReader.read(in)) {
      for (JsonlLine l : (Iterable<JsonlLine>) s::iterator) {
        if (l instanceof JsonlLine.Malformed m) {
          throw new dev.quarry.InputException(in.toString(), m.line(), m.reason().message(),
              "fix the record, or run quarry validate first");
        }
        read++;
        var e = ((JsonlLine.Parsed) l).example();
        double overlap = index.overlap(e);
        if (overlap >= settings.threshold()) {
          dropped.add(new ContaminatedRecord(e.id(), in + ":" + l.line(), overlap));
        } else {
          w.write(e);
        }
        progress.advance(1);
      }
      w.commit();
    }
    progress.done();
    return new DecontaminationReport(settings.n(), settings.threshold(), read, read - dropped.size(),
        dropped.size(), dropped);
  }
}
