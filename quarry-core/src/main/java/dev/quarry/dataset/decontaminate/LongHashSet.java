package dev.quarry.dataset.decontaminate;

import dev.quarry.dataset.ExampleText;
import java.util.Arrays;

/** A growable open-addressing set of {@code long}s (8 to 16 bytes per element). Not thread-safe to write. */
final class LongHashSet {
  private static final long EMPTY = 0;
  private long[] table = new long[1 << 10];
  private int size;
  private boolean hasZero;

  /** Adds {@code v}; returns true when it was new. */
  boolean add(long v) {
    if (v == EMPTY) {
      boolean was = hasZero;
      hasZero = true;
      return !was;
    }
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    int mask = table.length - 1;
    int i = (int) ExampleText.mix(v) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = v;
    size++;
    return true;
  }

  /** True when {@code v} is in the set. Safe for concurrent readers once writing has finished. */
  boolean contains(long v) {
    if (v == EMPTY) {
      return hasZero;
    }
    int mask = table.length - 1;
    int i = (int) ExampleText.mix(v) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == v) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
    Arrays.fill(old, 0);
  }
}
