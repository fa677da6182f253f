package dev.quarry.extract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plausible JSON values for a schema, for the mocked responses and requests of generated tests: the schema's
 * example when it has one, else a value of its type with only the required properties. Bounded in depth, so
 * recursive schemas end.
 */
final class SampleValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 4;

  private final TypeCollector types;

  SampleValues(TypeCollector types) {
    this.types = types;
  }

  /** A sample for {@code schema} (null schema: an empty object). */
  JsonNode of(Schema<?> schema) {
    return of(schema, 0, new HashSet<>());
  }

  private JsonNode of(Schema<?> raw, int depth, Set<String> stack) {
    if (raw == null) {
      return F.objectNode();
    }
    String key = raw.get$ref();
    Schema<?> s = types.resolve(raw);
    if (s == null) {
      return F.objectNode();
    }
    if (key != null && !stack.add(key)) {
      return F.nullNode();
    }
    try {
      return sample(s, depth, stack);
    } finally {
      if (key != null) {
        stack.remove(key);
      }
    }
  }

  private JsonNode sample(Schema<?> s, int depth, Set<String> stack) {
    if (s.getExample() != null) {
      return tree(s.getExample());
    }
    if (s.getConst() != null) {
      return tree(s.getConst());
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty() && s.getEnum().get(0) != null) {
      return tree(s.getEnum().get(0));
    }
    if (s.getDefault() != null) {
      return tree(s.getDefault());
    }
    List<Schema> alternatives = s.getOneOf() != null && !s.getOneOf().isEmpty() ? s.getOneOf() : s.getAnyOf();
    if (alternatives != null && !alternatives.isEmpty()) {
      return of(alternatives.get(0), depth, stack);
    }
    if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
      ObjectNode merged = F.objectNode();
      for (Schema<?> part : s.getAllOf()) {
        JsonNode p = of(part, depth, stack);
        if (p.isObject()) {
          merged.setAll((ObjectNode) p);
        }
      }
      if (s.getProperties() != null) {
        merged.setAll(properties(s, depth, stack));
      }
      return merged;
    }
    List<String> t = TypeCollector.types(s);
    String type = t.isEmpty() ? (s.getProperties() != null ? "object" : s.getItems() != null ? "array" : "") : t.get(0);
    switch (type) {
      case "string":
        return F.textNode(string(s.getFormat()));
      case "integer":
        return F.numberNode(s.getMinimum() != null ? s.getMinimum().longValue() : 1L);
      case "number":
        return F.numberNode(1.5);
      case "boolean":
        return F.booleanNode(true);
      case "array": {
        ArrayNode a = F.arrayNode();
        if (depth < MAX_DEPTH) {
          JsonNode item = of(s.getItems(), depth + 1, stack);
          if (!item.isNull()) {
            a.add(item);
          }
        }
        return a;
      }
      case "object":
        return depth < MAX_DEPTH ? properties(s, depth, stack) : F.objectNode();
      default:
        return F.textNode("value");
    }
  }

  /** A value from the parsed spec as JSON; dates and anything the mapper cannot write become text. */
  static JsonNode tree(Object v) {
    if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.Date) {
      return F.textNode(v.toString());
    }
    try {
      return Json.mapper().valueToTree(v);
    } catch (IllegalArgumentException e) {
      return F.textNode(String.valueOf(v));
    }
  }

  private ObjectNode properties(Schema<?> s, int depth, Set<String> stack) {
    ObjectNode o = F.objectNode();
    if (s.getProperties() == null || s.getRequired() == null) {
      return o;
    }
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      if (s.getRequired().contains(p.getKey())) {
        JsonNode v = of(p.getValue(), depth + 1, stack);
        o.set(p.getKey(), v);
      }
    }
    return o;
  }

  private static String string(String format) {
    if (format == null) {
      return "string";
    }
    switch (format) {
      case "date-time":
        return "2024-01-01T00:00:00Z";
      case "date":
        return "2024-01-01";
      case "uuid":
        return "00000000-0000-0000-0000-000000000001";
      case "email":
        return "user@example.com";
      case "uri":
      case "url":
        return "https://example.com/resource";
      case "binary":
      case "byte":
        return "ZGF0YQ==";
      default:
        return "string";
    }
  }
}
