package dev.quarry.dataset.combine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What pass 1 keeps per record, column by column: about 40 bytes a record plus each distinct source file
 * once, never the text. Not thread-safe.
 */
final class RecordColumns {
  long[] ids = new long[1024];
  long[] quality = new long[1024];
  long[] exactKeys = new long[1024];
  int[] sourceKey = new int[1024];
  int[] input = new int[1024];
  int[] line = new int[1024];
  int size;
  /** Records whose input line is exactly what the writer would write, so pass 2 can copy the bytes. */
  final java.util.BitSet canonical = new java.util.BitSet();
  private final Map<String, Integer> keyIndex = new HashMap<>();
  private final List<String> keys = new ArrayList<>();

  void add(long id, long q, long exactKey, String fileKey, int inputIndex, long lineNo) {
    if (size == ids.length) {
      int cap = size * 2;
      ids = Arrays.copyOf(ids, cap);
      quality = Arrays.copyOf(quality, cap);
      exactKeys = Arrays.copyOf(exactKeys, cap);
      sourceKey = Arrays.copyOf(sourceKey, cap);
      input = Arrays.copyOf(input, cap);
      line = Arrays.copyOf(line, cap);
    }
    ids[size] = id;
    quality[size] = q;
    exactKeys[size] = exactKey;
    sourceKey[size] = keyIndex.computeIfAbsent(fileKey, k -> {
      keys.add(k);
      return keys.size() - 1;
    });
    input[size] = inputIndex;
    line[size] = (int) Math.min(Integer.MAX_VALUE, lineNo);
    size++;
  }

  String fileKey(int i) {
    return keys.get(sourceKey[i]);
  }

  static long parseId(String id) {
    return Long.parseUnsignedLong(id, 2, id.length(), 16);
  }

  static String formatId(long id) {
    String hex = Long.toHexString(id);
    return "q-" + "0".repeat(16 - hex.length()) + hex;
  }
}
