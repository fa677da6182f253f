package dev.quarry.extract.mcp;

import java.util.Locale;

/** JSON placeholder values for sample tool calls, by the argument's declared type. */
final class Placeholders {
  private Placeholders() {}

  static String forType(String name, String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.contains("bool")) {
      return "false";
    }
    if (t.startsWith("int") || t.contains("number") || t.contains("float") || t.equals("integer")
        || t.contains("z.number")) {
      return "1";
    }
    if (t.startsWith("list") || t.startsWith("array") || t.contains("[]") || t.contains("z.array")
        || t.startsWith("sequence")) {
      return "[]";
    }
    if (t.startsWith("dict") || t.equals("object") || t.contains("z.object") || t.contains("record")) {
      return "{}";
    }
    return "\"<" + name + ">\"";
  }
}
