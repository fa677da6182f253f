package dev.quarry.extract.goals;

import dev.quarry.extract.code.Templates;
import dev.quarry.extract.explain.Sourced;
import dev.quarry.extract.explain.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage tasks from test bodies: a test is a worked usage example, so its name in plain words becomes the
 * question and its calls and assertions the answer (each assertion read as the guarantee it gives:
 * {@code assert a == b} as "`a` equals `b`", {@code expect(a).toBe(b)} as "`a` is `b`" …). Deterministic.
 */
final class UsageTasks {
  private static final Pattern PY_EQ = Pattern.compile("^assert\\s+(.+?)\\s*(==|!=|<=|>=|<|>|\\bin\\b|\\bis\\b)\\s*(.+?)(?:,\\s*.+)?$");
  private static final Pattern EXPECT = Pattern.compile(
      "expect\\((.+?)\\)\\.(not\\.)?(toBe|toEqual|toStrictEqual|toHaveBeenCalledWith|toHaveBeenCalledTimes|toHaveLength"
          + "|toContain|toMatchObject|toBeNull|toBeTruthy|toBeFalsy|toThrow|toBeGreaterThan|toBeLessThan)\\((.*)\\);?$");
  private static final Pattern CALL = Pattern.compile("[A-Za-z_][\\w.]*\\(");
  private static final int MAX_CALLS = 5;
  private static final int MAX_GUARANTEES = 5;

  private final Templates templates;

  UsageTasks(Templates templates) {
    this.templates = templates;
  }

  /** The question for {@code t}, or "" when its name says nothing in words. */
  String prompt(TestCase t) {
    String behaviour = behaviour(t.name());
    if (behaviour.split(" ").length < 3) {
      return "";
    }
    String key = t.where().path() + "#" + t.name();
    return templates.get("usage-prompt").fill(key, Map.of("subject", subject(t.where().path()), "behaviour",
        behaviour));
  }

  /** The answer for {@code t}, or "" when it has no assertion or no call. */
  String answer(TestCase t) {
    List<String> calls = new ArrayList<>();
    List<String> lines = t.where().text().lines().toList();
    for (int i = 1; i < lines.size() && calls.size() < MAX_CALLS; i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("assert") || l.startsWith("expect(") || l.startsWith("await expect(") || l.startsWith("#")
          || l.startsWith("def ") || l.startsWith("async def ") || l.startsWith("@") || l.startsWith("with pytest")
          || l.startsWith("//") || !CALL.matcher(l).find() || l.length() > 120 || l.endsWith("(") || l.endsWith(",")) {
        continue;
      }
      calls.add("- `" + l.replace('`', '\'') + "` (line " + (t.where().first() + i) + ")");
    }
    List<String> guarantees = new ArrayList<>();
    for (Sourced a : t.asserts()) {
      String g = guarantee(a.text());
      if (!g.isEmpty() && guarantees.size() < MAX_GUARANTEES) {
        guarantees.add("- " + g + " (line " + a.first() + ")");
      }
    }
    if (calls.isEmpty() || guarantees.isEmpty()) {
      return "";
    }
    Sourced w = t.where();
    return templates.get("usage-answer").fill(w.path() + "#" + t.name(), Map.of("test", t.name(), "path", w.path(),
        "first", Integer.toString(w.first()), "last", Integer.toString(w.last()), "calls", String.join("\n", calls),
        "guarantees", String.join("\n", guarantees)));
  }

  /** An assertion read as a guarantee; "" when it cannot be read. */
  static String guarantee(String assertion) {
    String a = assertion.strip().replace('`', '\'');
    Matcher py = PY_EQ.matcher(a);
    if (py.find() && balanced(py.group(1)) && balanced(py.group(3))) {
      String op = switch (py.group(2)) {
        case "==" -> "equals";
        case "!=" -> "differs from";
        case "in" -> "is in";
        case "is" -> "is";
        default -> py.group(2);
      };
      return "`" + py.group(1) + "` " + op + " `" + py.group(3) + "`";
    }
    if (a.startsWith("assert ")) {
      return "`" + a.substring(7).replaceFirst(",\\s*[^,]*$", "").strip() + "` holds";
    }
    Matcher js = EXPECT.matcher(a.replaceFirst("^await\\s+", ""));
    if (js.find()) {
      String not = js.group(2) == null ? "" : "not ";
      String arg = js.group(4).strip();
      String what = switch (js.group(3)) {
        case "toBe", "toEqual", "toStrictEqual" -> "is " + not + "`" + arg + "`";
        case "toHaveBeenCalledWith" -> "was " + not + "called with `" + arg + "`";
        case "toHaveBeenCalledTimes" -> "was " + not + "called " + arg + " time(s)";
        case "toHaveLength" -> "has " + not + "length " + arg;
        case "toContain" -> not + "contains `" + arg + "`";
        case "toMatchObject" -> not + "matches `" + arg + "`";
        case "toBeNull" -> "is " + not + "null";
        case "toBeTruthy" -> "is " + not + "truthy";
        case "toBeFalsy" -> "is " + not + "falsy";
        case "toThrow" -> not + "throws" + (arg.isEmpty() ? "" : " `" + arg + "`");
        default -> js.group(3) + " `" + arg + "`";
      };
      return "`" + js.group(1) + "` " + what.strip();
    }
    if (a.startsWith("with pytest.raises(")) {
      return "the call raises `" + a.substring(19).replaceFirst("\\).*", "").replaceFirst(",.*", "") + "`";
    }
    return "";
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
    }
    return depth == 0;
  }

  /** {@code test_read_only_key_cannot_write} as "read only key cannot write"; JS names stay as written. */
  static String behaviour(String name) {
    if (name.contains(" ")) {
      return name.strip();
    }
    return name.replaceFirst("^test_?", "").replace('_', ' ').strip();
  }

  /** The subject of a test file in plain words: {@code useAgent.test.ts} as "the agent hook". */
  static String subject(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\..*$", "")
        .replaceFirst("^test_", "").replaceFirst("_test$", "");
    boolean hook = name.matches("use[A-Z]\\w*");
    String words = (hook ? name.substring(3) : name).replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ')
        .toLowerCase(Locale.ROOT).replace("rag", "RAG").replace("api", "API").strip();
    return "the " + words + (hook ? " hook" : words.equals("API") ? "" : " code");
  }
}
