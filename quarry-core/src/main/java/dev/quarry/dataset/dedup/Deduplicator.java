package dev.quarry.dataset.dedup;

import dev.quarry.config.DedupSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Clusters duplicate records and picks one survivor per cluster, from per-record columns only.
 *
 * <p>Exact mode joins records with equal exact keys. Near mode does that too, then bands every MinHash
 * signature ({@link Banding#forThreshold}) and, within each bucket, verifies a new member against at most
 * {@value #MAX_REPRESENTATIVES} representatives of the bucket's distinct clusters: a pair is joined when its
 * estimated Jaccard similarity reaches the threshold. An estimate within {@link #margin()} of the threshold
 * is too close to call from 128 values (one standard deviation is 0.035 at 0.8), so, given a
 * {@link ShingleLoader}, such pairs are settled after banding by exact Jaccard over the two records'
 * shingle sets. Verification keeps precision; exact settlement keeps recall near the threshold; the
 * representative cap
 * keeps a bucket of boilerplate-heavy records linear instead of quadratic. Clusters are connected components
 * (union-find over indices), so the result does not depend on thread count or visiting order.
 *
 * <p>The survivor of a cluster is its best record by quality score (higher first), then the smallest id.
 * Not thread-safe; use one instance per run.
 */
public final class Deduplicator {
  /** Signature length. */
  public static final int NUM_PERM = 128;
  /** Words per shingle. */
  public static final int SHINGLE_WORDS = 5;
  /** Representatives compared per bucket. */
  public static final int MAX_REPRESENTATIVES = 16;
  private static final long SEED = 0x5157_4152_5259L;

  private final DedupSettings settings;
  private final Banding banding;
  private final double margin;
  private long[] deferred = new long[64];
  private int deferredCount;
  private long verifiedExactly;

  /**
   * Loads exact shingle sets, to settle pairs whose estimated similarity is too close to the threshold to
   * trust a 128-value signature.
   */
  @FunctionalInterface
  public interface ShingleLoader {
    /**
     * @param indices record indices, ascending
     * @return for each, its shingle hashes (32-bit) as a sorted array of distinct values
     * @throws IOException when the records cannot be read again
     */
    int[][] load(int[] indices) throws IOException;
  }

  /** @param settings mode and threshold */
  public Deduplicator(DedupSettings settings) {
    this.settings = settings;
    this.banding = Banding.forThreshold(settings.threshold(), NUM_PERM);
    double t = settings.threshold();
    this.margin = 3 * Math.sqrt(t * (1 - t) / NUM_PERM) + 1.0 / NUM_PERM;
  }

  /**
   * Half-width of the band of estimates, around the threshold, that are settled by exact Jaccard when a
   * {@link ShingleLoader} is given: three standard deviations of the estimator at the threshold, plus one
   * signature step (0.114 at 0.8).
   */
  public double margin() {
    return margin;
  }

  /** Candidate pairs settled by exact Jaccard in the last {@link #resolve}. */
  public long verifiedExactly() {
    return verifiedExactly;
  }

  /** The hasher whose signatures {@link #resolve} expects in near mode. */
  public static MinHasher minHasher() {
    return new MinHasher(NUM_PERM, SHINGLE_WORDS, SEED);
  }

  /** The banding used in near mode. */
  public Banding banding() {
    return banding;
  }

  /**
   * Resolves duplicates among records {@code 0..n-1}.
   *
   * @param ids record ids as unsigned 64-bit numbers (the 16 hex digits), for tie-breaking
   * @param quality {@link dev.quarry.dataset.QualityScore} of each record
   * @param exactKeys exact keys of each record
   * @param signatures MinHash signatures from {@link #minHasher()}; required in near mode, ignored otherwise
   * @param excluded records that take no part (reported as {@link Resolution#EXCLUDED}); may be empty
   * @param loader settles close pairs exactly; null to decide every pair on its estimate
   * @throws IOException when the loader fails
   */
  public Resolution resolve(int n, long[] ids, long[] quality, long[] exactKeys, Signatures signatures,
      BitSet excluded, ShingleLoader loader) throws IOException {
    UnionFind uf = new UnionFind(n);
    verifiedExactly = 0;
    if (settings.mode() != DedupSettings.Mode.NONE) {
      LongIntMap first = new LongIntMap(n);
      for (int i = 0; i < n; i++) {
        if (!excluded.get(i)) {
          int j = first.putIfAbsent(exactKeys[i], i);
          if (j >= 0) {
            uf.union(i, j);
          }
        }
      }
    }
    if (settings.mode() == DedupSettings.Mode.NEAR) {
      if (signatures == null || signatures.size() < n) {
        throw new IllegalArgumentException("near dedup needs a signature for every record");
      }
      band(n, signatures, uf, excluded, loader != null);
      if (deferredCount > 0) {
        settle(uf, loader);
      }
    }
    return survivors(n, ids, quality, exactKeys, signatures, excluded, uf);
  }

  private void band(int n, Signatures sigs, UnionFind uf, BitSet excluded, boolean defer) {
    LongIntMap heads = new LongIntMap(n);
    int[] nextRep = new int[n];
    int[] lastRep = new int[n];
    int[] reps = new int[n];
    double threshold = settings.threshold();
    for (int b = 0; b < banding.bands(); b++) {
      heads.clear();
      Arrays.fill(nextRep, -1);
      for (int i = 0; i < n; i++) {
        if (excluded.get(i)) {
          continue;
        }
        int h = heads.putIfAbsent(bandKey(sigs, i, b), i);
        if (h < 0) {
          lastRep[i] = i;
          reps[i] = 1;
          continue;
        }
        boolean matched = false;
        for (int r = h; r >= 0 && !matched; r = nextRep[r]) {
          if (uf.find(r) == uf.find(i)) {
            matched = true;
          } else {
            double est = sigs.similarity(r, i);
            if (defer && Math.abs(est - threshold) < margin) {
              defer(r, i);
            } else if (est >= threshold) {
              uf.union(r, i);
              matched = true;
            }
          }
        }
        if (!matched && reps[h] < MAX_REPRESENTATIVES) {
          nextRep[lastRep[h]] = i;
          lastRep[h] = i;
          reps[h]++;
        }
      }
    }
  }

  private void defer(int a, int b) {
    if (deferredCount == deferred.length) {
      deferred = Arrays.copyOf(deferred, deferredCount * 2);
    }
    deferred[deferredCount++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private void settle(UnionFind uf, ShingleLoader loader) throws IOException {
    long[] pairs = Arrays.stream(deferred, 0, deferredCount).sorted().distinct().toArray();
    BitSet need = new BitSet();
    for (long p : pairs) {
      need.set((int) (p >>> 32));
      need.set((int) p);
    }
    int[] indices = need.stream().toArray();
    int[][] sets = loader.load(indices);
    for (long p : pairs) {
      int a = (int) (p >>> 32);
      int b = (int) p;
      if (uf.find(a) != uf.find(b)) {
        verifiedExactly++;
        if (jaccard(sets[Arrays.binarySearch(indices, a)], sets[Arrays.binarySearch(indices, b)])
            >= settings.threshold()) {
          uf.union(a, b);
        }
      }
    }
    deferred = new long[64];
    deferredCount = 0;
  }

  /** Exact Jaccard similarity of two sorted arrays of distinct values. */
  static double jaccard(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 1 : (double) common / union;
  }

  private long bandKey(Signatures sigs, int i, int band) {
    short[] c = sigs.chunk(i);
    int off = sigs.offset(i) + band * banding.rows();
    long h = 0x243F6A8885A308D3L + band;
    for (int r = 0; r < banding.rows(); r++) {
      h = (h ^ (c[off + r] & 0xffff)) * 0x100000001b3L;
    }
    return dev.quarry.dataset.ExampleText.mix(h);
  }

  private static Resolution survivors(int n, long[] ids, long[] quality, long[] exactKeys, Signatures sigs,
      BitSet excluded, UnionFind uf) {
    int[] best = new int[n];
    Arrays.fill(best, -1);
    for (int i = 0; i < n; i++) {
      if (excluded.get(i)) {
        continue;
      }
      int root = uf.find(i);
      int cur = best[root];
      if (cur < 0 || better(i, cur, ids, quality)) {
        best[root] = i;
      }
    }
    int[] survivor = new int[n];
    byte[] kind = new byte[n];
    float[] sim = new float[n];
    for (int i = 0; i < n; i++) {
      if (excluded.get(i)) {
        survivor[i] = i;
        kind[i] = Resolution.EXCLUDED;
        continue;
      }
      int s = best[uf.find(i)];
      survivor[i] = s;
      if (s == i) {
        kind[i] = Resolution.KEPT;
      } else if (exactKeys[i] == exactKeys[s]) {
        kind[i] = Resolution.EXACT;
        sim[i] = 1f;
      } else {
        kind[i] = Resolution.NEAR;
        sim[i] = (float) sigs.similarity(i, s);
      }
    }
    return new Resolution(survivor, kind, sim);
  }

  private static boolean better(int a, int b, long[] ids, long[] quality) {
    if (quality[a] != quality[b]) {
      return quality[a] > quality[b];
    }
    int c = Long.compareUnsigned(ids[a], ids[b]);
    return c != 0 ? c < 0 : a < b;
  }
}
