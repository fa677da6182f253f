package dev.quarry.extract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** String literals and JSON values spelled in Python and TypeScript source. Stateless. */
final class CodeText {
  private CodeText() {}

  /** A double-quoted string literal valid in both Python and TypeScript. */
  static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code v} as a Python literal. */
  static String python(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "True" : "False";
    }
    if (v.isNumber()) {
      return v.asText();
    }
    if (v.isTextual()) {
      return quoted(v.asText());
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(x -> items.add(python(x)));
      return "[" + String.join(", ", items) + "]";
    }
    List<String> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      fields.add(quoted(f.getKey()) + ": " + python(f.getValue()));
    }
    return "{" + String.join(", ", fields) + "}";
  }

  /** {@code v} as a TypeScript literal. */
  static String typescript(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isBoolean() || v.isNumber()) {
      return v.asText();
    }
    if (v.isTextual()) {
      return quoted(v.asText());
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(x -> items.add(typescript(x)));
      return "[" + String.join(", ", items) + "]";
    }
    List<String> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String k = Names.isTsIdentifier(f.getKey()) ? f.getKey() : quoted(f.getKey());
      fields.add(k + ": " + typescript(f.getValue()));
    }
    return fields.isEmpty() ? "{}" : "{ " + String.join(", ", fields) + " }";
  }

  /** A comment-safe, docstring-safe one-liner. */
  static String doc(String s) {
    return s.replace("\\", "/").replace("\"", "'").replace("*/", "* /").strip();
  }

  /** Whether {@code word} occurs as a whole word in {@code text}. */
  static boolean usesWord(String text, String word) {
    return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
  }
}
