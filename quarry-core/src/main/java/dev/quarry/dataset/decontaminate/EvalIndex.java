package dev.quarry.dataset.decontaminate;

import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The word n-grams of one or more evaluation sets, kept as 64-bit hashes (about 16 bytes per distinct
 * n-gram). Built once, then read by any number of threads: {@link #overlap} is thread-safe.
 */
public final class EvalIndex {
  private final LongHashSet grams;
  private final int n;
  private final long records;

  private EvalIndex(LongHashSet grams, int n, long records) {
    this.grams = grams;
    this.n = n;
    this.records = records;
  }

  /**
   * Indexes every valid record of {@code evalSets}; malformed lines are skipped (they are someone else's
   * files and only their text matters).
   *
   * @param n words per n-gram, at least 1
   * @throws dev.quarry.InputException when a file is missing or unreadable
   */
  public static EvalIndex build(List<Path> evalSets, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    LongHashSet set = new LongHashSet();
    long count = 0;
    for (Path p : evalSets) {
      try (Stream<JsonlLine> lines = JsonlReader.read(p)) {
        for (JsonlLine l : (Iterable<JsonlLine>) lines::iterator) {
          if (l instanceof JsonlLine.Parsed parsed) {
            for (long g : NGrams.of(parsed.example(), n)) {
              set.add(g);
            }
            count++;
          }
        }
      }
    }
    return new EvalIndex(set, n, count);
  }

  /**
   * The n-grams of this index that also occur in a valid record of {@code other}: streams {@code other}
   * once and keeps only common n-grams, so memory stays bounded by this (small) index even when
   * {@code other} is a large training file.
   */
  public EvalIndex intersect(Path other) {
    LongHashSet common = new LongHashSet();
    try (Stream<JsonlLine> lines = JsonlReader.read(other)) {
      for (JsonlLine l : (Iterable<JsonlLine>) lines::iterator) {
        if (l instanceof JsonlLine.Parsed parsed) {
          for (long g : NGrams.of(parsed.example(), n)) {
            if (grams.contains(g)) {
              common.add(g);
            }
          }
        }
      }
    }
    return new EvalIndex(common, n, records);
  }

  /** Words per n-gram. */
  public int n() {
    return n;
  }

  /** Evaluation records indexed. */
  public long records() {
    return records;
  }

  /** Distinct n-grams indexed. */
  public int size() {
    return grams.size();
  }

  /** The share of {@code e}'s n-grams that occur in the evaluation sets, in [0, 1]; 0 for an empty text. */
  public double overlap(Example e) {
    long[] g = NGrams.of(e, n);
    if (g.length == 0) {
      return 0;
    }
    int hit = 0;
    for (long x : g) {
      if (grams.contains(x)) {
        hit++;
      }
    }
    return (double) hit / g.length;
  }
}
