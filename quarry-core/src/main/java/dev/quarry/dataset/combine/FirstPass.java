package dev.quarry.dataset.combine;

import dev.quarry.dataset.ExampleText;
import dev.quarry.dataset.QualityScore;
import dev.quarry.dataset.decontaminate.EvalIndex;
import dev.quarry.dataset.dedup.Deduplicator;
import dev.quarry.dataset.dedup.MinHasher;
import dev.quarry.dataset.dedup.Signatures;
import dev.quarry.model.Example;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pass 1 of combine: the reading thread parses records and hands batches to worker threads, which compute
 * quality scores, exact keys, signatures and contamination overlap; results are stored strictly in
 * submission order, so the columns are the same for any number of threads. At most {@code 2 * threads}
 * batches are in flight, which bounds the texts held in memory.
 */
final class FirstPass {
  private static final int BATCH = 256;
  private final boolean near;
  private final MinHasher hasher;
  private final EvalIndex eval;
  private final double evalThreshold;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
  private final RecordColumns cols = new RecordColumns();
  private final Signatures sigs;
  private final BitSet contaminated = new BitSet();
  private final java.util.Map<Integer, Double> overlaps = new java.util.TreeMap<>();
  private List<Example> batch = new ArrayList<>(BATCH);
  private int stored;

  FirstPass(boolean near, int threads, EvalIndex eval, double evalThreshold) {
    this.near = near;
    this.hasher = near ? Deduplicator.minHasher() : null;
    this.sigs = near ? new Signatures(Deduplicator.NUM_PERM) : null;
    this.eval = eval;
    this.evalThreshold = evalThreshold;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "quarry-combine");
      t.setDaemon(true);
      return t;
    }) : null;
    this.maxInFlight = 2 * threads;
  }

  void accept(Example e, int input, long line) {
    cols.add(RecordColumns.parseId(e.id()), 0, 0, e.source().fileKey(), input, line);
    batch.add(e);
    if (batch.size() == BATCH) {
      submit();
    }
  }

  RecordColumns finish() {
    try {
      submit();
      while (!pending.isEmpty()) {
        drain();
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return cols;
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

  private void submit() {
    if (batch.isEmpty()) {
      return;
    }
    List<Example> b = batch;
    batch = new ArrayList<>(BATCH);
    if (pool == null) {
      store(compute(b));
      return;
    }
    pending.add(pool.submit(() -> compute(b)));
    while (pending.size() >= maxInFlight) {
      drain();
    }
  }

  private void drain() {
    try {
      store(pending.poll().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void store(Batch b) {
    for (int i = 0; i < b.quality.length; i++) {
      int idx = stored++;
      cols.quality[idx] = b.quality[i];
      cols.exactKeys[idx] = b.exactKeys[i];
      if (b.overlap != null && b.overlap[i] >= evalThreshold) {
        contaminated.set(idx);
        overlaps.put(idx, b.overlap[i]);
      }
    }
    if (near) {
      sigs.append(b.sigs, 0, b.quality.length);
    }
  }

  private Batch compute(List<Example> examples) {
    int n = examples.size();
    Batch b = new Batch(new long[n], new long[n], near ? new short[n * hasher.numPerm()] : null,
        eval == null ? null : new double[n]);
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      b.quality[i] = QualityScore.of(e);
      b.exactKeys[i] = ExampleText.exactKey(e);
      if (near) {
        long[] words = ExampleText.wordHashes(e);
        // A text without words (only punctuation) must not share the one empty shingle with all others.
        hasher.signature(words.length > 0 ? words : new long[] {b.exactKeys[i]}, b.sigs, i * hasher.numPerm());
      }
      if (eval != null) {
        b.overlap[i] = eval.overlap(e);
      }
    }
    return b;
  }

  private record Batch(long[] quality, long[] exactKeys, short[] sigs, double[] overlap) {}
}
