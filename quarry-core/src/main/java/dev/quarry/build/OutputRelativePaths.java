package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites paths inside the output folder, as stage reports record them, relative to that folder: a build's
 * reports and manifest must not depend on where the output folder lives (two builds into different folders
 * are byte-identical), and a report moved with its folder stays right.
 */
final class OutputRelativePaths {
  private final List<String> prefixes;

  OutputRelativePaths(Path out) {
    String abs = out.toAbsolutePath().normalize().toString().replace('\\', '/');
    String given = out.normalize().toString().replace('\\', '/');
    this.prefixes = given.equals(abs) || given.isEmpty() || given.equals(".")
        ? List.of(abs + "/", "file://" + abs + "/", "file:" + abs + "/")
        : List.of(abs + "/", "file://" + abs + "/", "file:" + abs + "/", given + "/");
  }

  /** Rewrites every string value of {@code node} in place and returns it. */
  <T extends JsonNode> T apply(T node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isTextual()) {
          f.setValue(JsonNodeFactory.instance.textNode(rewrite(f.getValue().asText())));
        } else {
          apply(f.getValue());
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, JsonNodeFactory.instance.textNode(rewrite(a.get(i).asText())));
        } else {
          apply(a.get(i));
        }
      }
    }
    return node;
  }

  /** Rewrites a pretty-printed JSON file in place, atomically. */
  void applyToFile(Path file) throws IOException {
    JsonNode n = Json.mapper().readTree(file.toFile());
    AtomicFile.writeString(file, Json.pretty().writeValueAsString(apply(n)) + "\n");
  }

  private String rewrite(String s) {
    for (String p : prefixes) {
      if (s.startsWith(p)) {
        return s.substring(p.length());
      }
    }
    return s;
  }
}
