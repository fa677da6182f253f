package dev.quarry.extract.tests;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Definition;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Phrasing;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test functions of pytest, unittest, jest/vitest/mocha and JUnit. One example per test function: it maps to
 * one behaviour, stays within the size limits where whole files or describe blocks often do not, and its
 * count can be checked against the test runner's. The request names the code under test (resolved through
 * the test file's imports) with its signature; the answer is the test as written, wrapped in its class or
 * describe blocks.
 */
public final class TestsExtractor extends CodeExtractor {
  private static final List<String> WITH_TARGET = List.of(
      "Write a {framework} test for `{target}` from `{target_path}` that checks that {behaviour}.{style}\n\n{signature}",
      "Here is `{target}` (`{target_path}`):\n\n{signature}\n\nAdd a {framework} test showing that {behaviour}.{style}",
      "I need a unit test for `{target}`: {behaviour}. Use {framework}.{style}\n\nIts signature:\n\n{signature}",
      "Cover this behaviour of `{target}` with a {framework} test: {behaviour}.{style}\n\n{signature}");
  private static final List<String> WITHOUT_TARGET = List.of(
      "Write a {framework} test `{name}` that checks that {behaviour}.{style} It belongs in `{path}`.",
      "Add a {framework} test to `{path}` showing that {behaviour}.{style}",
      "How would you test that {behaviour}? Write it with {framework} for `{path}`.{style}");
  private static final List<String> ANSWERS = List.of("Here is the test:", "A test for it:",
      "This test covers it:", "The test, as it appears in `{path}`:");

  private static final List<String> PYTHON = List.of("**/test_*.py", "**/*_test.py", "**/tests/**/*.py");
  private static final List<String> JS = List.of("**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts}",
      "**/__tests__/**/*.{js,jsx,ts,tsx,mjs,cjs}");
  private static final List<String> JAVA = List.of("**/src/test/**/*.java", "**/*Test.java", "**/*Tests.java");

  @Override
  public String id() {
    return "tests";
  }

  @Override
  public String defaultCategory() {
    return "testing";
  }

  @Override
  protected List<String> defaultPaths() {
    List<String> all = new ArrayList<>(PYTHON);
    all.addAll(JS);
    all.addAll(JAVA);
    return all;
  }

  @Override
  protected List<String> defaultExclude() {
    return List.of("**/conftest.py", "**/__init__.py");
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.PYTHON, Grammar.JAVASCRIPT, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVA);
  }

  @Override
  protected boolean reportsEmptyFiles() {
    return true;
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    return switch (file.grammar()) {
      case PYTHON -> PythonTests.tests(file);
      case JAVASCRIPT, TYPESCRIPT, TSX -> JsTests.tests(file);
      case JAVA -> JUnitTests.tests(file);
      default -> List.of();
    };
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    TestCase t = (TestCase) c.data();
    Optional<Definition> target = new TargetResolver(run.modules()).resolve(file, t);
    String key = file.path() + "#" + c.symbol();
    Map<String, String> v = new TreeMap<>();
    v.put("framework", frameworkName(t.framework()));
    v.put("behaviour", behaviour(t));
    v.put("style", style(t));
    v.put("name", t.name());
    v.put("path", file.path());
    String lang = file.fenceLabel();
    String user;
    if (target.isPresent()) {
      Definition d = target.get();
      v.put("target", d.name());
      v.put("target_path", d.path());
      String sig = Snippet.fence(Grammar.forPath(d.path()).map(Grammar::id).orElse(lang), d.signature());
      v.put("signature", d.summary().isEmpty() ? sig : sig + "\n\n" + d.name() + ": " + d.summary());
      user = Phrasing.fill(key, WITH_TARGET, v);
    } else {
      user = Phrasing.fill(key, WITHOUT_TARGET, v);
    }
    String code = wrap(t, Snippet.of(file.tree(), c.first(), c.last()), file.grammar());
    String answer = Phrasing.fill(key + "a", ANSWERS, v) + "\n\n" + Snippet.fence(lang, code);
    List<String> tags = new ArrayList<>(List.of("test", t.framework()));
    tags.addAll(t.traits());
    Map<String, String> meta = new TreeMap<>();
    meta.put("test_framework", t.framework());
    meta.put("code_under_test", target.map(d -> d.path() + "#" + d.name()).orElse(""));
    return Optional.of(new Draft(user.strip(), answer, file.language(), tags, meta));
  }

  private static String wrap(TestCase t, String code, Grammar g) {
    if (t.header().isEmpty() && t.scope().isEmpty()) {
      return code;
    }
    if (g == Grammar.PYTHON) {
      return t.header() + "\n" + indent(code, "    ");
    }
    if (g == Grammar.JAVA) {
      return t.header() + "\n" + indent(code, "  ") + "\n}";
    }
    String out = code;
    for (int i = t.scope().size() - 1; i >= 0; i--) {
      String title = t.scope().get(i).replace("\\", "\\\\").replace("'", "\\'");
      out = "describe('" + title + "', () => {\n" + indent(out, "  ") + "\n});";
    }
    return out;
  }

  private static String indent(String code, String by) {
    StringBuilder sb = new StringBuilder();
    for (String l : code.split("\n", -1)) {
      sb.append(l.isEmpty() ? "" : by + l).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private static String frameworkName(String f) {
    return switch (f) {
      case "pytest" -> "pytest";
      case "unittest" -> "unittest";
      case "jest" -> "Jest";
      case "junit" -> "JUnit 5";
      default -> f;
    };
  }

  /** The behaviour a test checks, from its title or name ({@code test_acquire_times_out} → "acquire times out"). */
  static String behaviour(TestCase t) {
    String n = t.name();
    if (t.framework().equals("jest")) {
      return n.strip();
    }
    if (n.startsWith("test_")) {
      n = n.substring(5);
    } else if (n.startsWith("test") && n.length() > 4) {
      n = n.substring(4);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (ch == '_') {
        sb.append(' ');
      } else if (Character.isUpperCase(ch) && i > 0 && !Character.isUpperCase(n.charAt(i - 1))) {
        sb.append(' ').append(Character.toLowerCase(ch));
      } else {
        sb.append(i == 0 ? Character.toLowerCase(ch) : ch);
      }
    }
    String s = sb.toString().strip().replaceAll(" +", " ");
    return s.isEmpty() ? "it works" : s.toLowerCase(Locale.ROOT).equals(s) ? s : s;
  }

  private static String style(TestCase t) {
    List<String> parts = new ArrayList<>();
    if (t.traits().contains("parametrized")) {
      parts.add(t.framework().equals("jest") ? "run it over a table of cases with `each`"
          : t.framework().equals("junit") ? "make it a parameterized test" : "parametrize it over several cases");
    }
    if (t.traits().contains("async")) {
      parts.add("the test is async");
    }
    if (!t.scope().isEmpty() && !t.framework().equals("jest")) {
      parts.add("put it in `" + t.scope().get(t.scope().size() - 1) + "`");
    } else if (!t.scope().isEmpty()) {
      parts.add("it goes in the `" + t.scope().get(t.scope().size() - 1) + "` describe block");
    }
    if (parts.isEmpty()) {
      return "";
    }
    String s = String.join("; ", parts);
    return " " + Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}
