package dev.quarry.extract.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Identifier spelling for generated code: words from wire names, then PascalCase, camelCase or snake_case. */
final class Names {
  private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
      "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
      "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
      "while", "with", "yield", "match", "case", "type", "client", "body", "response", "params", "headers");
  private static final Set<String> TS_RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
      "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
      "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
      "true", "try", "typeof", "var", "void", "while", "with", "let", "static", "yield", "await", "implements",
      "interface", "package", "private", "protected", "public", "options", "params", "body", "response", "url");

  private Names() {}

  /** The words of {@code raw}: split at non-alphanumerics and at lower-to-upper case changes. */
  static List<String> words(String raw) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isLetterOrDigit(c) || c > 127) {
        flush(cur, out);
        continue;
      }
      if (Character.isUpperCase(c) && cur.length() > 0) {
        char prev = cur.charAt(cur.length() - 1);
        boolean nextLower = i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          flush(cur, out);
        }
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** {@code PascalCase}; may be empty when {@code raw} has no letters or digits. */
  static String pascal(String raw) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(raw)) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }

  /** A valid TypeScript identifier in {@code camelCase}. */
  static String camel(String raw) {
    String p = pascal(raw);
    String c = p.isEmpty() ? "value" : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    if (!Character.isLetter(c.charAt(0))) {
      c = "v" + c;
    }
    return TS_RESERVED.contains(c) ? c + "Value" : c;
  }

  /** A valid Python identifier in {@code snake_case}. */
  static String snake(String raw) {
    String s = String.join("_", words(raw)).toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      s = "value";
    }
    if (!Character.isLetter(s.charAt(0))) {
      s = "v_" + s;
    }
    return PYTHON_KEYWORDS.contains(s) ? s + "_" : s;
  }

  /** Whether {@code s} can be used as a TypeScript property name without quotes. */
  static boolean isTsIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '$')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$'))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} can be a Python attribute/field name as written. */
  static boolean isPythonIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') || s.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        return false;
      }
    }
    return !PYTHON_KEYWORDS.contains(s) || Set.of("client", "body", "response", "params", "headers", "type",
        "match", "case").contains(s);
  }
}
