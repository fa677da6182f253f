package dev.quarry.extract.mcp;

import dev.quarry.io.Hashing;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realistic JSON value for a tool argument in a sample {@code tools/call}, derived from what the schema says of
 * it: an enum's first value, a default, a minimum, the element type of an array, and for strings the argument's
 * name and description ({@code collection_id} gets an id, {@code query} a search phrase, {@code url} a URL).
 * Deterministic: an id is derived from the tool and argument names. Never a {@code "<name>"} placeholder.
 */
final class ArgumentValues {
  private static final Pattern QUOTED = Pattern.compile("[\"'`]([^\"'`]{1,60})[\"'`]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private ArgumentValues() {}

  /**
   * What the schema says of one argument, in the terms all schema kinds share.
   *
   * @param type the declared type as written ({@code str}, {@code z.string().min(1)}, {@code integer}); lower-cased
   *     when read
   * @param description the argument's description, or ""
   * @param enumValues the first allowed value when the argument is an enum, or ""
   * @param defaultValue the default as JSON, or ""
   * @param minimum the minimum as written, or ""
   */
  record Facts(String type, String description, String enumValues, String defaultValue, String minimum) {}

  /** A JSON value for argument {@code name} of tool {@code tool}. */
  static String of(String tool, String name, Facts facts) {
    String t = facts.type().toLowerCase(Locale.ROOT);
    String n = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    if (!facts.enumValues().isEmpty()) {
      return json(facts.enumValues());
    }
    if (t.contains("bool")) {
      return facts.defaultValue().equals("true") ? "false" : "true";
    }
    if (t.contains("array") || t.startsWith("list") || t.contains("[]") || t.startsWith("sequence")
        || t.startsWith("tuple")) {
      if (t.contains("number") || t.contains("float") || t.contains("int")) {
        return "[0.12, -0.08, 0.33]";
      }
      return "[" + string(tool, singular(n), facts.description()) + "]";
    }
    if (t.startsWith("int") || t.contains("integer") || t.contains("number") || t.contains("float")) {
      return number(n, facts, t.contains("float"));
    }
    if (t.startsWith("dict") || t.contains("object") || t.contains("record") || t.startsWith("mapping")) {
      return "{}";
    }
    return string(tool, n, facts.description());
  }

  private static String number(String n, Facts facts, boolean real) {
    if (!facts.defaultValue().isEmpty() && NUMBER.matcher(facts.defaultValue()).matches()) {
      return facts.defaultValue();
    }
    if (!facts.minimum().isEmpty() && NUMBER.matcher(facts.minimum()).matches()) {
      return facts.minimum();
    }
    if (n.contains("top_k") || n.equals("k") || n.contains("limit") || n.contains("count") || n.contains("size")) {
      return "5";
    }
    if (real || n.contains("score") || n.contains("threshold") || n.contains("temperature")) {
      return "0.5";
    }
    return "1";
  }

  private static String string(String tool, String n, String description) {
    String d = description.toLowerCase(Locale.ROOT);
    if (n.endsWith("_id") || n.equals("id") || n.endsWith("_ids")) {
      String h = Hashing.sha256(tool + "#" + n);
      if (d.contains("uuid")) {
        return json(h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a"
            + h.substring(17, 20) + "-" + h.substring(20, 32));
      }
      String stem = n.equals("id") ? tool.split("[_-]")[tool.split("[_-]").length - 1] : n.replaceAll("_?ids?$", "");
      return json(stem.replace('_', '-') + "-" + h.substring(0, 8));
    }
    if (n.contains("email")) {
      return json("ada@example.com");
    }
    if (n.contains("url") || n.contains("uri") || n.contains("endpoint") || n.contains("link")) {
      return json("https://example.com/docs/getting-started");
    }
    if (n.contains("path") || n.contains("file")) {
      return json("docs/getting-started.md");
    }
    if (n.contains("date")) {
      return json("2024-05-01");
    }
    if (n.contains("time")) {
      return json("2024-05-01T09:30:00Z");
    }
    if (n.equals("lang") || n.contains("language") || n.contains("locale")) {
      return json("en");
    }
    if (n.contains("question")) {
      return json("What does the onboarding guide say about API key rotation?");
    }
    if (n.contains("query") || n.equals("q") || n.contains("search") || n.contains("keyword")) {
      return json("how to rotate an API key");
    }
    if (n.contains("goal") || n.contains("task") || n.contains("objective") || n.contains("instruction")) {
      return json("Summarise last week's open incidents and propose next steps");
    }
    if (n.contains("prompt") || n.contains("message") || n.contains("text") || n.contains("content")
        || n.contains("input") || n.contains("body")) {
      return json("Summarise this document in three bullet points.");
    }
    if (n.contains("name") || n.contains("title")) {
      return json("Quarterly report");
    }
    Matcher m = QUOTED.matcher(description);
    if (m.find()) {
      return json(m.group(1));
    }
    return json("sample " + n.replace('_', ' '));
  }

  private static String singular(String n) {
    return n.endsWith("ies") ? n.substring(0, n.length() - 3) + "y" : n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
  }

  /** {@code s} as a JSON string, unless it already is JSON (a quoted string or a number). */
  static String json(String s) {
    if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1 || NUMBER.matcher(s).matches()
        || s.equals("true") || s.equals("false") || s.equals("null")) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }

  /** The first string of a list written in code ({@code ["a", "b"]}, {@code Literal['a', 'b']}), or "". */
  static String firstQuoted(String text) {
    Matcher m = QUOTED.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /** The facts of an argument of which only the type is known. */
  static Facts ofType(String type) {
    return new Facts(type, "", "", "", "");
  }

  /** Joins {@code items} as {@code a, b and c}. */
  static String list(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append(names.get(i));
    }
    return sb.toString();
  }
}
