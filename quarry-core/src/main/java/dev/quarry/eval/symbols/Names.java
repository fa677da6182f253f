package dev.quarry.eval.symbols;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in code by their surroundings, language-agnostically (Python, TypeScript, JavaScript, Java
 * and their look-alikes): hooks, names a snippet defines, names it calls, constructs or imports. Regular
 * expressions, not parsers: they must work on answers that do not parse.
 */
public final class Names {
  private static final Pattern IDENT = Pattern.compile("\\b[A-Za-z_$][A-Za-z0-9_$]*\\b");
  private static final Pattern HOOK = Pattern.compile("\\buse[A-Z][A-Za-z0-9]*\\b");
  private static final Pattern DECLARED = Pattern.compile(
      "\\b(?:def|class|function\\*?|interface|type|enum|struct|trait|fn|func)\\s+([A-Za-z_$][\\w$]*)"
          + "|\\bexport\\s+(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)"
          + "|\\b(?:public|private|protected|static|final|async|export)\\s+"
          + "(?:[\\w<>\\[\\],?]+\\s+)*([A-Za-z_$][\\w$]*)\\s*\\(",
      Pattern.MULTILINE);
  private static final Pattern VARIABLE = Pattern.compile(
      "\\b(?:const|let|var|val)\\s+([A-Za-z_$][\\w$]*)|^\\s*([A-Za-z_][\\w]*)\\s*(?::\\s*[\\w\\[\\], .|]+)?=(?!=)",
      Pattern.MULTILINE);
  private static final Pattern DESTRUCTURED = Pattern.compile("\\b(?:const|let|var)\\s*[\\[{]([^\\]}=]*)[\\]}]\\s*=");
  private static final Pattern CALLED =
      Pattern.compile("(?<![\\w$])(?:new\\s+)?([A-Za-z_$][\\w$]*)\\s*(?:<[^<>()]*>)?\\(");
  private static final Pattern PY_FROM_IMPORT = Pattern.compile(
      "^\\s*from\\s+([\\w.]+)\\s+import\\s+\\(?([\\w\\s,]+?)\\)?\\s*$", Pattern.MULTILINE);
  private static final Pattern PY_IMPORT =
      Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)", Pattern.MULTILINE);
  private static final Pattern JS_IMPORT = Pattern.compile(
      "\\bimport\\s+(?:type\\s+)?(?:([A-Za-z_$][\\w$]*)\\s*,?\\s*)?(?:\\{([^}]*)})?\\s*"
          + "(?:\\*\\s+as\\s+\\w+\\s*)?from\\s+['\"]([^'\"]+)['\"]");
  private static final Pattern PASCAL_USE = Pattern.compile("(?<![\\w$.])([A-Z][a-z0-9]+[A-Z][\\w$]*)\\s*[.(<]");
  private static final Pattern CAMEL_SPLIT = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_+|\\$");

  private Names() {}

  /** Hook names ({@code useSomething}), in order of first appearance. */
  public static Set<String> hooks(String text) {
    return all(HOOK, text, 0);
  }

  /** Every identifier token of {@code code}, in order of first appearance. */
  public static Set<String> identifiers(String code) {
    return all(IDENT, code, 0);
  }

  /**
   * Names {@code code} declares as part of an API: functions, methods, classes, types and exported constants
   * (not local variables).
   */
  public static Set<String> declarations(String code) {
    return groups(DECLARED, code, new LinkedHashSet<>());
  }

  /** Every name {@code code} defines: its {@link #declarations} and its variables, destructured ones included. */
  public static Set<String> definitions(String code) {
    Set<String> out = groups(VARIABLE, code, declarations(code));
    Matcher d = DESTRUCTURED.matcher(code);
    while (d.find()) {
      for (String part : d.group(1).split(",")) {
        String[] alias = part.strip().split("\\s*:\\s*");
        String name = alias[alias.length - 1].strip();
        if (name.matches("[A-Za-z_$][\\w$]*")) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /**
   * Names {@code code} uses from elsewhere: called or constructed ({@code name(}, {@code new Name(}), imported
   * ({@code from m import a}, {@code import { a } from 'm'}), and PascalCase names whose members are used.
   */
  public static Set<String> referenced(String code) {
    Set<String> out = new LinkedHashSet<>(all(CALLED, code, 1));
    Matcher f = PY_FROM_IMPORT.matcher(code);
    while (f.find()) {
      for (String part : f.group(2).split(",")) {
        String name = part.strip().split("\\s+")[0];
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    }
    Matcher j = JS_IMPORT.matcher(code);
    while (j.find()) {
      if (j.group(1) != null) {
        out.add(j.group(1));
      }
      if (j.group(2) != null) {
        for (String part : j.group(2).split(",")) {
          String name = part.strip().replaceFirst("^type\\s+", "").split("\\s+")[0];
          if (!name.isEmpty()) {
            out.add(name);
          }
        }
      }
    }
    out.addAll(all(PASCAL_USE, code, 1));
    return out;
  }

  /** Module names {@code code} imports from (Python dotted names, JavaScript specifiers). */
  public static Set<String> modules(String code) {
    Set<String> out = new LinkedHashSet<>(all(PY_FROM_IMPORT, code, 1));
    Matcher p = PY_IMPORT.matcher(code);
    while (p.find()) {
      for (String part : p.group(1).split(",")) {
        out.add(part.strip());
      }
    }
    out.addAll(all(JS_IMPORT, code, 3));
    return out;
  }

  /** The lower-case words of a camelCase, PascalCase or snake_case name. */
  public static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : CAMEL_SPLIT.split(name)) {
      if (!w.isEmpty()) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** Whether a name is made of several words (snake_case, camelCase or PascalCase with two humps). */
  public static boolean isCompound(String name) {
    return words(name).size() >= 2;
  }

  private static Set<String> groups(Pattern p, String text, Set<String> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          out.add(m.group(g));
        }
      }
    }
    return out;
  }

  private static Set<String> all(Pattern p, String text, int group) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(group));
    }
    return out;
  }
}
