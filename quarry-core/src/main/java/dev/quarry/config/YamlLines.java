package dev.quarry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key in a YAML document, by JSON-pointer-like path ({@code /categories/database/target}),
 * so configuration errors can name the line. Array elements are addressed by index.
 */
final class YamlLines {
  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Scans {@code yaml}; a document the scanner cannot read yields no lines (the tree parser reports it). */
  static YamlLines of(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      Deque<String> path = new ArrayDeque<>();
      Deque<int[]> arrayIndex = new ArrayDeque<>();
      String pendingField = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          pendingField = p.currentName();
          lines.put(join(path) + "/" + pendingField, line);
          continue;
        }
        String segment = pendingField;
        pendingField = null;
        if (segment == null && !arrayIndex.isEmpty() && arrayIndex.peek()[0] >= 0 && t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
          segment = Integer.toString(arrayIndex.peek()[0]++);
          lines.put(join(path) + "/" + segment, line);
        }
        switch (t) {
          case START_OBJECT -> {
            path.push(segment == null ? "" : segment);
            arrayIndex.push(new int[] {-1});
          }
          case START_ARRAY -> {
            path.push(segment == null ? "" : segment);
            arrayIndex.push(new int[] {0});
          }
          case END_OBJECT, END_ARRAY -> {
            path.pop();
            arrayIndex.pop();
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      return new YamlLines(Map.of());
    }
    return new YamlLines(lines);
  }

  private static String join(Deque<String> path) {
    StringBuilder sb = new StringBuilder();
    var it = path.descendingIterator();
    boolean root = true;
    while (it.hasNext()) {
      String s = it.next();
      if (root) {
        root = false;
        continue;
      }
      sb.append('/').append(s);
    }
    return sb.toString();
  }

  /** The 1-based line of the key at {@code path}, or 0 when unknown. */
  int line(String path) {
    return lines.getOrDefault(path, 0);
  }
}
