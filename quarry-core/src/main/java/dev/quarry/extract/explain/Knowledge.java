package dev.quarry.extract.explain;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository knows about its own code, indexed once: the rules of its standards and docs (by the code
 * names and status codes they mention), its test functions with their assertions, and its source lines for
 * finding call sites. Built from the files the repository walk kept; unreadable files are left out (the
 * extractors report them). Immutable after construction; lookups are deterministic (sorted by path, then line).
 */
public final class Knowledge {
  private static final Pattern BACKTICK = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STATUS = Pattern.compile("(?<![\\w.])([1-5][0-9]{2})(?![\\w.])");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+");
  private static final Pattern PY_TEST = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+(test\\w*)\\s*\\(");
  private static final Pattern JS_TEST =
      Pattern.compile("^(\\s*)(?:it|test)(?:\\.each\\(.*?\\))?\\(\\s*([\"'`])(.+?)\\2\\s*,");
  private static final Pattern ASSERTION =
      Pattern.compile("^\\s*(assert\\s|with\\s+pytest\\.raises|self\\.assert|await\\s+expect\\(|expect\\()");
  private static final Set<String> CODE = Set.of("py", "ts", "tsx", "js", "jsx", "mjs", "java", "kt", "go");
  private static final long MAX_BYTES = 256 * 1024;

  private final List<DocRule> rules;
  private final List<TestCase> tests;
  private final Map<String, List<String>> sources;

  /** Identifier → the (path, 0-based line) pairs whose line holds it, in path then line order; built on first use. */
  private Map<String, List<Map.Entry<String, Integer>>> identifierLines;

  private Knowledge(List<DocRule> rules, List<TestCase> tests, Map<String, List<String>> sources) {
    this.rules = List.copyOf(rules);
    this.tests = List.copyOf(tests);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** Knowledge with nothing in it (explanations then add nothing). */
  public static Knowledge empty() {
    return new Knowledge(List.of(), List.of(), new TreeMap<>());
  }

  /** Indexes {@code repo}: markdown files outside training folders, test files and code files. */
  public static Knowledge of(Repository repo) {
    List<DocRule> rules = new ArrayList<>();
    List<TestCase> tests = new ArrayList<>();
    Map<String, List<String>> sources = new TreeMap<>();
    for (RepoFile f : repo.files()) {
      if (f.size() > MAX_BYTES) {
        continue;
      }
      String ext = f.extension();
      boolean doc = ext.equals("md") && !f.path().startsWith("training/") && !f.path().contains("/training/");
      boolean code = CODE.contains(ext);
      if (!doc && !code) {
        continue;
      }
      List<String> lines;
      try {
        lines = repo.read(f).lines().toList();
      } catch (IOException e) {
        continue;
      }
      if (doc) {
        rules.addAll(docRules(f.path(), lines));
      } else if (isTestPath(f.path())) {
        tests.addAll(ext.equals("py") ? pythonTests(f.path(), lines) : jsTests(f.path(), lines));
      } else {
        sources.put(f.path(), lines);
      }
    }
    return new Knowledge(rules, tests, sources);
  }

  /** Whether {@code path} is a test file by its name or folder. */
  public static boolean isTestPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    String name = p.substring(p.lastIndexOf('/') + 1);
    return name.startsWith("test_") || name.matches(".*_test\\.py") || name.matches(".*\\.(test|spec)\\.[jt]sx?")
        || p.contains("/__tests__/") || name.endsWith("test.java");
  }

  /** Every rule, in path and line order. */
  public List<DocRule> rules() {
    return rules;
  }

  /** Every test, in path and line order. */
  public List<TestCase> tests() {
    return tests;
  }

  /** The rules that mention {@code name} (a code name or a status code). */
  public List<DocRule> rulesNaming(String name) {
    return rules.stream().filter(r -> r.names().contains(name)).toList();
  }

  /** The tests whose body calls {@code symbol}. */
  public List<TestCase> testsCalling(String symbol) {
    return tests.stream().filter(t -> t.calls(symbol)).toList();
  }

  /**
   * The lines of non-test code that call {@code symbol}, outside {@code path} lines {@code first..last} (the
   * symbol's own span), with the name of the enclosing function or class as the text's prefix
   * ({@code caller: line}).
   */
  public List<Sourced> callSites(String symbol, String path, int first, int last) {
    List<Sourced> out = new ArrayList<>();
    Pattern def = Pattern.compile("^\\s*(?:export\\s+)?(?:async\\s+)?(?:def|function|class)\\s+"
        + Pattern.quote(symbol) + "\\b|^\\s*(?:async\\s+)?" + Pattern.quote(symbol) + "\\s*\\(.*\\)\\s*(:[^=]*)?\\{\\s*$");
    // Only lines holding the symbol's last identifier can call it: an index over the repository, built once,
    // keeps this linear in the repository instead of in records × repository lines.
    Matcher word = IDENTIFIER.matcher(symbol);
    String key = null;
    while (word.find()) {
      key = word.group();
    }
    if (key == null) {
      return out;
    }
    for (Map.Entry<String, Integer> at : identifierLines().getOrDefault(key, List.of())) {
      List<String> lines = sources.get(at.getKey());
      int i = at.getValue();
      int n = i + 1;
      if (at.getKey().equals(path) && n >= first && n <= last) {
        continue;
      }
      String l = lines.get(i);
      String t = l.strip();
      if (t.startsWith("#") || t.startsWith("//") || t.startsWith("*") || t.startsWith("import ")
          || t.startsWith("from ") || !callsName(l, symbol) || def.matcher(l).find()) {
        continue;
      }
      out.add(new Sourced(enclosing(lines, i) + ": " + t, at.getKey(), n, n));
    }
    return out;
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private synchronized Map<String, List<Map.Entry<String, Integer>>> identifierLines() {
    if (identifierLines == null) {
      Map<String, List<Map.Entry<String, Integer>>> index = new java.util.HashMap<>();
      for (Map.Entry<String, List<String>> s : sources.entrySet()) {
        List<String> lines = s.getValue();
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = IDENTIFIER.matcher(lines.get(i));
          Set<String> seen = new java.util.HashSet<>();
          while (m.find()) {
            if (seen.add(m.group())) {
              index.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(Map.entry(s.getKey(), i));
            }
          }
        }
      }
      identifierLines = index;
    }
    return identifierLines;
  }

  /** Whether {@code text} calls {@code symbol}: {@code symbol(}, {@code .symbol(}, {@code new symbol(}. */
  static boolean callsName(String text, String symbol) {
    int from = 0;
    while (true) {
      int i = text.indexOf(symbol, from);
      if (i < 0) {
        return false;
      }
      int end = i + symbol.length();
      boolean startOk = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
      int j = end;
      while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '<')) {
        j = text.charAt(j) == '<' ? Math.max(j + 1, text.indexOf('>', j) + 1) : j + 1;
      }
      if (startOk && j < text.length() && text.charAt(j) == '(') {
        return true;
      }
      from = i + 1;
    }
  }

  private static String enclosing(List<String> lines, int at) {
    Pattern owner = Pattern.compile("^\\s*(?:export\\s+)?(?:async\\s+)?(?:def|function|class)\\s+(\\w+)"
        + "|^\\s*(?:export\\s+)?(?:const|let)\\s+(\\w+)\\s*=");
    int indent = indent(lines.get(at));
    for (int i = at - 1; i >= 0; i--) {
      String l = lines.get(i);
      if (l.isBlank() || indent(l) >= indent) {
        continue;
      }
      Matcher m = owner.matcher(l);
      if (m.find()) {
        return m.group(1) != null ? m.group(1) : m.group(2);
      }
    }
    return "module";
  }

  private static int indent(String l) {
    int i = 0;
    while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  static List<DocRule> docRules(String path, List<String> lines) {
    List<DocRule> out = new ArrayList<>();
    String title = path.substring(path.lastIndexOf('/') + 1);
    String section = title;
    boolean titled = false;
    boolean fenced = false;
    int start = -1;
    StringBuilder unit = new StringBuilder();
    for (int i = 0; i <= lines.size(); i++) {
      String l = i < lines.size() ? lines.get(i) : "";
      boolean fence = l.strip().startsWith("```");
      Matcher h = HEADING.matcher(l);
      boolean heading = !fenced && h.matches();
      boolean breaks = i == lines.size() || l.isBlank() || heading || fence || fenced || l.strip().startsWith("|")
          || (BULLET.matcher(l).find() && indent(l) == 0 && unit.length() > 0);
      if (breaks && unit.length() > 0) {
        out.add(rule(path, title, section, unit.toString().strip(), start, i));
        unit.setLength(0);
      }
      if (fence) {
        fenced = !fenced;
        continue;
      }
      if (heading) {
        section = h.group(2).strip();
        if (!titled) {
          title = section;
          titled = true;
        }
        continue;
      }
      if (fenced || l.isBlank() || i == lines.size() || l.strip().startsWith("|")) {
        continue;
      }
      if (unit.length() == 0) {
        start = i + 1;
      }
      unit.append(l).append('\n');
    }
    return out;
  }

  private static DocRule rule(String path, String title, String section, String text, int first, int afterLast) {
    Set<String> names = new TreeSet<>();
    Matcher b = BACKTICK.matcher(text);
    while (b.find()) {
      String span = b.group(1).strip();
      Matcher id = IDENT.matcher(span);
      if (id.lookingAt() && id.end() == span.length() || span.matches("[A-Za-z_][\\w.]*\\(.*")) {
        names.add(span.replaceFirst("\\(.*", "").replaceFirst(".*\\.", ""));
      } else if (span.length() > 1) {
        names.add(span);
      }
    }
    Matcher s = STATUS.matcher(text);
    while (s.find()) {
      names.add(s.group(1));
    }
    int last = Math.max(first, afterLast);
    return new DocRule(new Sourced(text, path, first, last), title, section, names);
  }

  static List<TestCase> pythonTests(String path, List<String> lines) {
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PY_TEST.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      int indent = m.group(1).length();
      int start = i;
      while (start > 0 && lines.get(start - 1).strip().startsWith("@") && indent(lines.get(start - 1)) == indent) {
        start--;
      }
      int end = i + 1;
      int lastCode = i;
      while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
        if (!lines.get(end).isBlank()) {
          lastCode = end;
        }
        end++;
      }
      out.add(test(m.group(2), path, lines, start, lastCode));
    }
    return out;
  }

  static List<TestCase> jsTests(String path, List<String> lines) {
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = JS_TEST.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      String indent = m.group(1);
      int end = i;
      for (int j = i + 1; j < lines.size(); j++) {
        String l = lines.get(j);
        if (l.startsWith(indent + "})") && indent(l) == indent.length()) {
          end = j;
          break;
        }
      }
      if (end > i) {
        out.add(test(m.group(3), path, lines, i, end));
      }
    }
    return out;
  }

  private static TestCase test(String name, String path, List<String> lines, int from, int to) {
    List<Sourced> asserts = new ArrayList<>();
    for (int j = from; j <= to; j++) {
      if (ASSERTION.matcher(lines.get(j)).find()) {
        asserts.add(new Sourced(lines.get(j).strip(), path, j + 1, j + 1));
      }
    }
    String body = String.join("\n", lines.subList(from, to + 1));
    return new TestCase(name, new Sourced(body, path, from + 1, to + 1), asserts);
  }
}
