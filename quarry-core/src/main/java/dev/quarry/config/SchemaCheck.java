package dev.quarry.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ConfigException;
import dev.quarry.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks a configuration tree against {@link ConfigSchema}, failing on the first unknown key or bad value. */
final class SchemaCheck {
  private final String file;
  private final YamlLines lines;

  SchemaCheck(String file, YamlLines lines) {
    this.file = file;
    this.lines = lines;
  }

  @SuppressWarnings("unchecked")
  void check(JsonNode node, Object shape, String path) {
    if (shape instanceof Map<?, ?> m) {
      Map<String, Object> fields = (Map<String, Object>) m;
      if (node.isNull()) {
        return;
      }
      if (!node.isObject()) {
        fail(path, "\"" + display(path) + "\" must be a mapping", "write it as key: value lines or {key: value}");
      }
      Object any = fields.get(ConfigSchema.ANY_KEY);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String childPath = path + "/" + f.getKey();
        Object child = any != null ? any : fields.get(f.getKey());
        if (child == null) {
          List<String> valid = new ArrayList<>(fields.keySet());
          String hint = NearestKey.of(f.getKey(), valid).map(k -> "did you mean \"" + k + "\"?")
              .orElse("valid keys here: " + String.join(", ", valid));
          fail(childPath, "unknown key \"" + display(childPath) + "\"", hint);
        }
        check(f.getValue(), child, childPath);
      }
      return;
    }
    ConfigSchema.Kind kind = (ConfigSchema.Kind) shape;
    boolean ok = switch (kind) {
      case STRING -> node.isTextual() || node.isNumber() || node.isBoolean();
      case INT -> node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 0;
      case NUMBER -> node.isNumber() || (node.isTextual() && parses(node.asText()));
      case BOOL -> node.isBoolean();
      case STRING_LIST -> node.isTextual() || (node.isArray() && allScalars(node));
      case SEVERITY -> node.isTextual() && (node.asText().equals("off") || Severity.fromWire(node.asText()).isPresent());
      case ANY -> true;
    };
    if (!ok && !node.isNull()) {
      fail(path, "\"" + display(path) + "\" has the bad value " + node, expected(kind));
    }
  }

  private static boolean parses(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean allScalars(JsonNode arr) {
    for (JsonNode n : arr) {
      if (!n.isValueNode() || n.isNull()) {
        return false;
      }
    }
    return true;
  }

  private static String expected(ConfigSchema.Kind kind) {
    return switch (kind) {
      case STRING -> "expected a string";
      case INT -> "expected a whole number >= 0";
      case NUMBER -> "expected a number, e.g. 0.1 or 2e-4";
      case BOOL -> "expected true or false";
      case STRING_LIST -> "expected a list of strings, e.g. [\"src/**\"]";
      case SEVERITY -> "expected error, warning, info or off";
      case ANY -> "";
    };
  }

  private static String display(String path) {
    return path.substring(1).replace('/', '.');
  }

  private void fail(String path, String what, String fix) {
    throw new ConfigException(file, lines.line(path), what, fix);
  }
}
