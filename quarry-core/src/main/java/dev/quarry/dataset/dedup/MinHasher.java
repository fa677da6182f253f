package dev.quarry.dataset.dedup;

import dev.quarry.dataset.ExampleText;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles. A shingle is {@code shingleSize} consecutive words (see
 * {@link ExampleText#wordHashes}); a text shorter than that is one shingle. Each of {@code numPerm} hash
 * functions is a multiply-add over a 64-bit shingle hash, seeded from a fixed seed, so signatures are the
 * same on every machine and run.
 *
 * <p>Signatures are stored as b-bit MinHash with b = 16: each minimum is hashed and kept as its low 16
 * bits, which halves memory four times over 64-bit minima; two different minima agree on 16 bits with
 * probability 2^-16, which {@link #similarity} corrects for. Thread-safe (immutable).
 */
public final class MinHasher {
  private static final double CHANCE = 1.0 / 65536;
  private final int numPerm;
  private final int shingleSize;
  private final long[] mul;
  private final long[] add;

  /**
   * @param numPerm number of hash functions (signature length), at least 1
   * @param shingleSize words per shingle, at least 1
   * @param seed seed of the hash functions
   */
  public MinHasher(int numPerm, int shingleSize, long seed) {
    if (numPerm < 1 || shingleSize < 1) {
      throw new IllegalArgumentException("numPerm and shingleSize must be >= 1");
    }
    this.numPerm = numPerm;
    this.shingleSize = shingleSize;
    SplittableRandom r = new SplittableRandom(seed);
    mul = new long[numPerm];
    add = new long[numPerm];
    for (int i = 0; i < numPerm; i++) {
      mul[i] = r.nextLong() | 1L;
      add[i] = r.nextLong();
    }
  }

  /** The signature length. */
  public int numPerm() {
    return numPerm;
  }

  /** Writes the signature of {@code words} into {@code dest[off..off+numPerm)}. */
  public void signature(long[] words, short[] dest, int off) {
    long[] mins = new long[numPerm];
    java.util.Arrays.fill(mins, Long.MAX_VALUE);
    for (long h : shingles(words)) {
      for (int p = 0; p < numPerm; p++) {
        long v = (mul[p] * h + add[p]) >>> 1;
        if (v < mins[p]) {
          mins[p] = v;
        }
      }
    }
    for (int p = 0; p < numPerm; p++) {
      dest[off + p] = (short) ExampleText.mix(mins[p] + p);
    }
  }

  /** The 64-bit hashes of the shingles of {@code words}, in text order (repeats included). */
  public long[] shingles(long[] words) {
    int count = Math.max(1, words.length - shingleSize + 1);
    long[] out = new long[count];
    for (int s = 0; s < count; s++) {
      long h = 0x9E3779B97F4A7C15L;
      int end = Math.min(words.length, s + shingleSize);
      for (int w = s; w < end; w++) {
        h = (h + words[w]) * 0xff51afd7ed558ccdL;
      }
      out[s] = ExampleText.mix(h);
    }
    return out;
  }

  /** Exact Jaccard similarity of the shingle sets of two word sequences (for tests and benchmarks). */
  public double exactJaccard(long[] wordsA, long[] wordsB) {
    java.util.Set<Long> a = new java.util.HashSet<>();
    for (long h : shingles(wordsA)) {
      a.add(h);
    }
    java.util.Set<Long> b = new java.util.HashSet<>();
    for (long h : shingles(wordsB)) {
      b.add(h);
    }
    long common = b.stream().filter(a::contains).count();
    return (double) common / (a.size() + b.size() - common);
  }

  /** Estimated Jaccard similarity of two signatures, corrected for 16-bit collisions, in [0, 1]. */
  public static double similarity(short[] a, int aOff, short[] b, int bOff, int numPerm) {
    int same = 0;
    for (int p = 0; p < numPerm; p++) {
      if (a[aOff + p] == b[bOff + p]) {
        same++;
      }
    }
    double raw = (double) same / numPerm;
    return Math.max(0, (raw - CHANCE) / (1 - CHANCE));
  }
}
