package dev.quarry.dataset.combine;

import dev.quarry.ProgressListener;
import dev.quarry.config.DedupSettings;
import dev.quarry.dataset.decontaminate.ContaminatedRecord;
import dev.quarry.dataset.decontaminate.EvalIndex;
import dev.quarry.dataset.dedup.Deduplicator;
import dev.quarry.dataset.dedup.Resolution;
import dev.quarry.io.JsonlWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Merges JSONL inputs into one file and removes duplicates ({@code quarry combine}).
 *
 * <p>Two passes over the inputs. The calling thread splits files into lines; worker threads parse them
 * (with the kernel reader's rules) and compute what pass 1 keeps per record: its id, quality score, exact
 * key, source file and (near mode) a 256-byte MinHash signature. {@link Deduplicator} then resolves
 * clusters, re-reading only the records of pairs too close to call (by line number, without parsing the
 * rest). Pass 2 streams the inputs again and writes each survivor, in input order (a kept line already in
 * canonical form is copied byte for byte), with what it
 * absorbed appended to {@code meta.duplicates}: {@code [{id, source, input, match, similarity}]} where
 * {@code source} is the absorbed record's {@code repo:path}, {@code input} its {@code file:line} and
 * {@code match} {@code exact} or {@code near}. Output is byte-identical for any thread count.
 *
 * <p>Malformed lines: by default the first one is an {@link dev.quarry.InputException} naming file and
 * line, raised in pass 1 before anything is written; with {@link #withRejected} they are written to that file with their
 * reason instead and counted as removed. A record dropped for an earlier run's {@code meta.duplicates} is
 * not merged into its new survivor's list (only its own id is).
 *
 * <p>Instances are immutable; {@code with*} methods return changed copies.
 */
public final class Combiner {
  private final DedupSettings dedup;
  private final ProgressListener progress;
  private final Path rejected;
  private final int threads;
  private final EvalIndex eval;
  private final double evalThreshold;

  /**
   * @param dedup dedup mode and near threshold
   * @param progress receives progress of both passes
   */
  public Combiner(DedupSettings dedup, ProgressListener progress) {
    this(dedup, progress, null, Runtime.getRuntime().availableProcessors(), null, 0);
  }

  private Combiner(DedupSettings dedup, ProgressListener progress, Path rejected, int threads, EvalIndex eval,
      double evalThreshold) {
    this.dedup = dedup;
    this.progress = progress;
    this.rejected = rejected;
    this.threads = threads;
    this.eval = eval;
    this.evalThreshold = evalThreshold;
  }

  /** Writes malformed lines to {@code file} (with a {@code rejection} array) instead of failing. */
  public Combiner withRejected(Path file) {
    return new Combiner(dedup, progress, file, threads, eval, evalThreshold);
  }

  /** Uses {@code n} threads (at least 1) for signatures; the output does not depend on it. */
  public Combiner withThreads(int n) {
    return new Combiner(dedup, progress, rejected, Math.max(1, n), eval, evalThreshold);
  }

  /**
   * Drops records whose share of n-grams found in {@code index} is at least {@code threshold} (in (0, 1]),
   * before dedup, and lists them in the report.
   */
  public Combiner withDecontamination(EvalIndex index, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("decontamination threshold must be in (0, 1]");
    }
    return new Combiner(dedup, progress, rejected, threads, index, threshold);
  }

  /**
   * Combines {@code inputs}, in order, into {@code out}.
   *
   * @throws dev.quarry.InputException on a missing or unreadable input, a JSON-array file (not JSONL), or a
   *     malformed line without a rejected file
   * @throws IOException when the output cannot be written
   */
  public CombineReport run(List<Path> inputs, Path out) throws IOException {
    for (Path in : inputs) {
      if (dev.quarry.io.JsonlReader.isJsonArray(in)) {
        throw new dev.quarry.InputException(in.toString(), 1, "a JSON array of records: combine reads JSONL",
            "convert it first: quarry import " + in + " -o OUT.jsonl");
      }
    }
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "quarry-combine");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      return run(inputs, out, pool, 2 * threads);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private CombineReport run(List<Path> inputs, Path out, ExecutorService pool, int inFlight) throws IOException {
    FirstPass first = new FirstPass(dedup.mode() == DedupSettings.Mode.NEAR, eval, evalThreshold, rejected != null);
    progress.start("combine: reading", -1);
    RecordColumns cols = first.read(inputs, pool, inFlight, progress);
    progress.done();
    BitSet excluded = first.contaminated();
    Resolution res = new Deduplicator(dedup).resolve(cols.size, cols.ids, cols.quality, cols.exactKeys,
        first.signatures(), excluded, new ShingleReload(inputs, cols));
    long written = new SecondPass(inputs, cols, res, progress).write(out, rejected, pool, inFlight);
    List<ContaminatedRecord> contamination = new ArrayList<>();
    for (int i = excluded.nextSetBit(0); i >= 0; i = excluded.nextSetBit(i + 1)) {
      contamination.add(new ContaminatedRecord(RecordColumns.formatId(cols.ids[i]),
          inputs.get(cols.input[i]) + ":" + cols.line[i], first.overlap(i)));
    }
    List<CombineReport.InputCount> counts = new ArrayList<>();
    long total = 0;
    for (int f = 0; f < inputs.size(); f++) {
      counts.add(new CombineReport.InputCount(inputs.get(f).toString(), first.lines(f)));
      total += first.lines(f);
    }
    return new CombineReport(dedup.mode().wire(), dedup.threshold(), total, written, total - written,
        first.malformed(), res.exactRemoved(), res.nearRemoved(), excluded.cardinality(), res.clusters(), counts,
        contamination);
  }
}
