package dev.quarry.dataset.dedup;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to non-negative {@code int} values, sized once for an
 * expected number of keys. Avoids boxing a million entries. Not thread-safe.
 */
final class LongIntMap {
  private final long[] keys;
  private final int[] values;
  private final int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
    Arrays.fill(values, -1);
  }

  /** Stores {@code value} under {@code key} unless present; returns the existing value, or -1. */
  int putIfAbsent(long key, int value) {
    int i = (int) dev.quarry.dataset.ExampleText.mix(key) & mask;
    while (values[i] >= 0) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    return -1;
  }

  /** Removes every entry. */
  void clear() {
    Arrays.fill(values, -1);
  }
}
