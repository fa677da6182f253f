package dev.quarry.dataset.dedup;

import java.util.Arrays;

/**
 * MinHash signatures of many records in chunked {@code short} arrays: {@code numPerm * 2} bytes per
 * record, no per-record object. Records are appended in index order. Not thread-safe.
 */
public final class Signatures {
  private static final int CHUNK_RECORDS = 1 << 13;
  private final int numPerm;
  private short[][] chunks = new short[16][];
  private int size;

  /** @param numPerm signature length */
  public Signatures(int numPerm) {
    this.numPerm = numPerm;
  }

  /** Signature length. */
  public int numPerm() {
    return numPerm;
  }

  /** Number of records stored. */
  public int size() {
    return size;
  }

  /** Appends {@code count} signatures laid out back to back in {@code src} from {@code off}. */
  public void append(short[] src, int off, int count) {
    for (int i = 0; i < count; i++) {
      int c = size / CHUNK_RECORDS;
      if (c == chunks.length) {
        chunks = Arrays.copyOf(chunks, c * 2);
      }
      if (chunks[c] == null) {
        chunks[c] = new short[CHUNK_RECORDS * numPerm];
      }
      System.arraycopy(src, off + i * numPerm, chunks[c], (size % CHUNK_RECORDS) * numPerm, numPerm);
      size++;
    }
  }

  /** The array holding record {@code i}'s signature; it starts at {@link #offset}. */
  short[] chunk(int i) {
    return chunks[i / CHUNK_RECORDS];
  }

  /** The offset of record {@code i}'s signature in {@link #chunk}. */
  int offset(int i) {
    return (i % CHUNK_RECORDS) * numPerm;
  }

  /** Estimated Jaccard similarity of records i and j. */
  public double similarity(int i, int j) {
    return MinHasher.similarity(chunk(i), offset(i), chunk(j), offset(j), numPerm);
  }

  /** Approximate heap bytes held. */
  public long bytes() {
    long n = 0;
    for (short[] c : chunks) {
      n += c == null ? 0 : 2L * c.length;
    }
    return n;
  }
}
