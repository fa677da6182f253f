package dev.quarry.extract.openapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.model.LineRange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The text of a spec file: its raw JSON tree (before any {@code $ref} resolution), and where each operation
 * is written, as 1-based line ranges found by a streaming pass that keeps token locations. Stateless helpers.
 */
final class SpecText {
  /** The HTTP methods a path item may hold, in the order OpenAPI lists them. */
  static final Set<String> METHODS = new java.util.LinkedHashSet<>(
      java.util.List.of("get", "put", "post", "delete", "options", "head", "patch", "trace"));

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper(JSON);
  private static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAML);

  private SpecText() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    // Real specs reach tens of megabytes and use anchors; the defaults (3 MB, 50 aliases) refuse them.
    o.setCodePointLimit(256 * 1024 * 1024);
    o.setMaxAliasesForCollections(10_000);
    return o;
  }

  /** Whether {@code path} names a JSON file (else it is read as YAML). */
  static boolean isJson(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Parses the raw tree. */
  static JsonNode tree(String text, boolean json) throws IOException {
    return (json ? JSON_MAPPER : YAML_MAPPER).readTree(text);
  }

  /**
   * Whether the top level of the document has an {@code openapi} or {@code swagger} key. Streams: stops at
   * the answer without building a tree.
   */
  static boolean looksLikeSpec(String text, boolean json) {
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if ("openapi".equals(name) || "swagger".equals(name)) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The line range of every operation, keyed {@code "METHOD path"}. Operations the streaming pass cannot
   * place are absent.
   */
  static Map<String, LineRange> operationLines(String text, boolean json) {
    Map<String, LineRange> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!"paths".equals(name) || v != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String path = p.currentName();
          if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String method = p.currentName();
            int start = p.currentTokenLocation().getLineNr();
            p.nextToken();
            p.skipChildren();
            int end = json ? p.currentTokenLocation().getLineNr() : yamlBlockEnd(lines, start);
            if (METHODS.contains(method.toLowerCase(Locale.ROOT)) && start > 0) {
              out.put(method.toUpperCase(Locale.ROOT) + " " + path, new LineRange(start, Math.max(start, end)));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  /** The last line of the YAML block whose key is on line {@code start}: up to the next line indented no deeper. */
  private static int yamlBlockEnd(String[] lines, int start) {
    int indent = indent(lines[start - 1]);
    int last = start;
    for (int i = start; i < lines.length; i++) {
      String l = lines[i];
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (indent(l) <= indent) {
        break;
      }
      last = i + 1;
    }
    return last;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
