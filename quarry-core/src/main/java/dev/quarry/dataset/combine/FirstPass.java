package dev.quarry.dataset.combine;

import dev.quarry.InputException;
import dev.quarry.ProgressListener;
import dev.quarry.dataset.ExampleText;
import dev.quarry.dataset.QualityScore;
import dev.quarry.dataset.decontaminate.EvalIndex;
import dev.quarry.dataset.dedup.Deduplicator;
import dev.quarry.dataset.dedup.MinHasher;
import dev.quarry.dataset.dedup.Signatures;
import dev.quarry.io.JsonlLine;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/**
 * Pass 1 of combine: worker threads parse lines and compute quality scores, exact keys, signatures and
 * contamination overlap; results are stored strictly in line order ({@link LinePipeline}), so the columns
 * are the same for any number of threads.
 */
final class FirstPass {
  private final boolean near;
  private final MinHasher hasher;
  private final EvalIndex eval;
  private final double evalThreshold;
  private final boolean tolerateMalformed;
  private final RecordColumns cols = new RecordColumns();
  private final Signatures sigs;
  private final BitSet contaminated = new BitSet();
  private final Map<Integer, Double> overlaps = new TreeMap<>();
  private long[] linesPerInput;
  private long malformed;

  FirstPass(boolean near, EvalIndex eval, double evalThreshold, boolean tolerateMalformed) {
    this.near = near;
    this.hasher = near ? Deduplicator.minHasher() : null;
    this.sigs = near ? new Signatures(Deduplicator.NUM_PERM) : null;
    this.eval = eval;
    this.evalThreshold = evalThreshold;
    this.tolerateMalformed = tolerateMalformed;
  }

  /** Reads every input; the first malformed line is an error unless malformed lines are tolerated. */
  RecordColumns read(List<Path> inputs, ExecutorService pool, int maxInFlight, ProgressListener progress)
      throws IOException {
    linesPerInput = new long[inputs.size()];
    LinePipeline.run(inputs, pool, maxInFlight, this::compute, b -> store(b, progress));
    return cols;
  }

  long lines(int input) {
    return linesPerInput[input];
  }

  long malformed() {
    return malformed;
  }

  Signatures signatures() {
    return sigs;
  }

  BitSet contaminated() {
    return contaminated;
  }

  /** Overlap of a contaminated record. */
  double overlap(int index) {
    return overlaps.get(index);
  }

  private void store(Result r, ProgressListener progress) {
    for (int k = 0; k < r.lines.length; k++) {
      JsonlLine l = r.lines[k];
      if (l == null) {
        continue;
      }
      linesPerInput[r.input]++;
      if (l instanceof JsonlLine.Malformed m) {
        malformed++;
        if (!tolerateMalformed) {
          throw new InputException(r.file.toString(), m.line(), m.reason().message(),
              "fix the record, or pass --rejected FILE to set malformed lines aside");
        }
        continue;
      }
      Example e = ((JsonlLine.Parsed) l).example();
      int idx = cols.size;
      cols.add(RecordColumns.parseId(e.id()), r.quality[k], r.exactKeys[k], e.source().fileKey(), r.input, l.line());
      if (r.canonical[k]) {
        cols.canonical.set(idx);
      }
      if (near) {
        sigs.append(r.sigs, k * hasher.numPerm(), 1);
      }
      if (r.overlap != null && r.overlap[k] >= evalThreshold) {
        contaminated.set(idx);
        overlaps.put(idx, r.overlap[k]);
      }
    }
    progress.advance(r.lines.length);
  }

  private Result compute(LinePipeline.Batch b) {
    int n = b.lines().length;
    Result r = new Result(b.input(), b.file(), new JsonlLine[n], new boolean[n], new long[n], new long[n],
        near ? new short[n * hasher.numPerm()] : null, eval == null ? null : new double[n]);
    for (int k = 0; k < n; k++) {
      JsonlLine l = LineParser.parse(b.file(), b.lineNos()[k], b.lines()[k], !(b.lastUnterminated() && k == n - 1));
      r.lines[k] = l;
      if (!(l instanceof JsonlLine.Parsed p)) {
        continue;
      }
      Example e = p.example();
      r.canonical[k] = LineParser.canonical(b.lineNos()[k], b.lines()[k], e);
      r.quality[k] = QualityScore.of(e);
      r.exactKeys[k] = ExampleText.exactKey(e);
      if (near) {
        long[] words = ExampleText.wordHashes(e);
        // A text without words (only punctuation) must not share the one empty shingle with all others.
        hasher.signature(words.length > 0 ? words : new long[] {r.exactKeys[k]}, r.sigs, k * hasher.numPerm());
      }
      if (eval != null) {
        r.overlap[k] = eval.overlap(e);
      }
    }
    return r;
  }

  private record Result(int input, Path file, JsonlLine[] lines, boolean[] canonical, long[] quality, long[] exactKeys, short[] sigs,
      double[] overlap) {}
}
