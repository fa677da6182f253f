package dev.quarry.dataset.dedup;

/**
 * The outcome of duplicate resolution over records {@code 0..n-1}: for every record, the record that
 * survives in its place (itself when kept), how it matched, and its estimated similarity to the survivor.
 * Arrays are owned by this object; callers must not change them.
 */
public final class Resolution {
  /** Match kind of a kept record. */
  public static final byte KEPT = 0;
  /** Removed as an exact duplicate (same normalised text as its survivor). */
  public static final byte EXACT = 1;
  /** Removed as a near duplicate. */
  public static final byte NEAR = 2;
  /** Removed before dedup by the caller (e.g. contaminated); not in any cluster. */
  public static final byte EXCLUDED = 3;

  private final int[] survivor;
  private final byte[] kind;
  private final float[] similarity;
  private final long exactRemoved;
  private final long nearRemoved;
  private final long clusters;

  Resolution(int[] survivor, byte[] kind, float[] similarity) {
    this.survivor = survivor;
    this.kind = kind;
    this.similarity = similarity;
    long e = 0;
    long n = 0;
    long c = 0;
    boolean[] hasMember = new boolean[survivor.length];
    for (int i = 0; i < survivor.length; i++) {
      if (kind[i] == EXACT) {
        e++;
      } else if (kind[i] == NEAR) {
        n++;
      }
      if (kind[i] == EXACT || kind[i] == NEAR) {
        if (!hasMember[survivor[i]]) {
          hasMember[survivor[i]] = true;
          c++;
        }
      }
    }
    exactRemoved = e;
    nearRemoved = n;
    clusters = c;
  }

  /** Number of records. */
  public int size() {
    return survivor.length;
  }

  /** The index of the record that survives in place of {@code i}; {@code i} when kept. */
  public int survivor(int i) {
    return survivor[i];
  }

  /** {@link #KEPT}, {@link #EXACT}, {@link #NEAR} or {@link #EXCLUDED}. */
  public byte kind(int i) {
    return kind[i];
  }

  /** Estimated Jaccard similarity to the survivor (1 for exact duplicates, 0 when kept or excluded). */
  public float similarity(int i) {
    return similarity[i];
  }

  /** True when record {@code i} is written. */
  public boolean kept(int i) {
    return kind[i] == KEPT;
  }

  /** Records removed as exact duplicates. */
  public long exactRemoved() {
    return exactRemoved;
  }

  /** Records removed as near duplicates. */
  public long nearRemoved() {
    return nearRemoved;
  }

  /** Number of clusters that absorbed at least one record. */
  public long clusters() {
    return clusters;
  }
}
