package dev.quarry.extract.tests;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Definition;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Snippet;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
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
 * what the test asserts on and calls, through the test file's imports) with its signature and the framework
 * detected from the file's imports; the answer is the test as written with the file's imports and helpers it
 * uses, inside its class or its real describe blocks and their hooks. When the same file has an error-case test
 * of the same code under test, the example gets a second turn asking for that case, answered by that test.
 * Prompts and leads are templates
 * ({@code /dev/quarry/extract/tests/*.txt}).
 */
public final class TestsExtractor extends CodeExtractor {
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

  /**
   * A test to write an example for, with its resolved code under test and the error-case test of the same file
   * and target that answers its follow-up turn, when there is one (see {@link ErrorCases}).
   */
  private record Planned(TestCase test, Optional<Definition> target, Optional<Candidate<?>> followUp) {}

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    List<Candidate<?>> found = switch (file.grammar()) {
      case PYTHON -> PythonTests.tests(file);
      case JAVASCRIPT, TYPESCRIPT, TSX -> JsTests.tests(file);
      case JAVA -> JUnitTests.tests(file);
      default -> List.of();
    };
    Preamble preamble = Preamble.of(file);
    TargetResolver resolver = new TargetResolver(run.modules());
    List<Optional<Definition>> targets = new ArrayList<>();
    List<Boolean> error = new ArrayList<>();
    List<Boolean> eligible = new ArrayList<>();
    for (Candidate<?> c : found) {
      TestCase t = (TestCase) c.data();
      targets.add(resolver.resolve(file, t, preamble));
      error.add(ErrorCases.isErrorCase(t, Snippet.of(file.tree(), c.first(), c.last())));
      LineRange lines = file.tree().lines(c.first(), c.last());
      int n = lines.last() - lines.first() + 1;
      eligible.add(!c.first().hasError() && !c.last().hasError() && n <= run.limits().maxLines()
          && n >= run.limits().minLines());
    }
    List<Optional<String>> keys = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      List<String> scope = ((TestCase) found.get(i).data()).scope();
      keys.add(targets.get(i).map(x -> x.path() + "#" + x.name())
          .or(() -> scope.isEmpty() ? Optional.empty() : Optional.of("scope " + String.join(" > ", scope))));
    }
    Map<Integer, Integer> pairs = ErrorCases.pairs(error, keys, eligible);
    List<Candidate<?>> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Candidate<?> c = found.get(i);
      Optional<Candidate<?>> next = Optional.ofNullable(pairs.get(i)).map(found::get);
      out.add(new Candidate<>(c.symbol(), c.first(), c.last(), new Planned((TestCase) c.data(), targets.get(i),
          next)));
    }
    return out;
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    Planned p = (Planned) c.data();
    TestCase t = p.test();
    Preamble preamble = Preamble.of(file);
    Optional<Definition> target = p.target();
    String key = file.path() + "#" + c.symbol();
    Map<String, String> v = new TreeMap<>();
    v.put("framework", t.framework().displayName());
    v.put("behaviour", behaviour(t));
    v.put("style", style(t, run.templates().get("style")));
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
      user = run.templates().get("ask-with-target").fill(key, v);
    } else {
      user = run.templates().get("ask").fill(key, v);
    }
    String answer = run.templates().get("answer-lead").fill(key + "a", v) + "\n\n"
        + Snippet.fence(lang, code(file, c, t, preamble));
    List<String> tags = new ArrayList<>(List.of("test", t.framework().id()));
    tags.addAll(t.traits());
    Map<String, String> meta = new TreeMap<>();
    meta.put("test_framework", t.framework().id());
    meta.put("code_under_test", target.map(d -> d.path() + "#" + d.name()).orElse(""));
    List<Message> more = new ArrayList<>();
    p.followUp().ifPresent(f -> {
      TestCase e = (TestCase) f.data();
      Map<String, String> w = new TreeMap<>(v);
      w.put("behaviour", behaviour(e));
      w.put("name", e.name());
      String fkey = file.path() + "#" + f.symbol();
      more.add(Message.user(run.templates().get("followup-ask").fill(fkey, w).strip()));
      more.add(Message.assistant(run.templates().get("followup-answer").fill(fkey + "a", w) + "\n\n"
          + Snippet.fence(lang, code(file, f, e, preamble))));
      tags.add("error-case");
      meta.put("follow_up_test", f.symbol());
    });
    return Optional.of(new Draft(user.strip(), answer, file.language(), tags, meta, more));
  }

  /** The test as written inside its class or suites, after the file's imports and helpers it uses. */
  private static String code(CodeFile file, Candidate<?> c, TestCase t, Preamble preamble) {
    String test = wrap(t, Snippet.of(file.tree(), c.first(), c.last()), file.grammar());
    List<String> around = new ArrayList<>();
    t.suites().forEach(s -> {
      around.add(s.open());
      around.add(s.prelude());
    });
    around.add(t.header());
    return preamble.forCode(c.first(), around) + test;
  }

  /**
   * The test inside what encloses it in the file: its Python or Java class header, or its JavaScript suites as
   * written with their hooks. A JavaScript test whose suites could not be read is shown alone: a wrapper is
   * never invented.
   */
  private static String wrap(TestCase t, String code, Grammar g) {
    if (g == Grammar.PYTHON) {
      return t.header().isEmpty() ? code : t.header() + "\n" + indent(code, "    ");
    }
    if (g == Grammar.JAVA) {
      return t.header().isEmpty() ? code : t.header() + "\n" + indent(code, "  ") + "\n}";
    }
    String out = code;
    for (int i = t.suites().size() - 1; i >= 0; i--) {
      JsSuite s = t.suites().get(i);
      String body = s.prelude().isEmpty() ? out : s.prelude() + "\n\n" + out;
      out = s.open() + "\n" + indent(body, "  ") + "\n" + s.close();
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

  /** The behaviour a test checks, from its title or name ({@code test_acquire_times_out} → "acquire times out"). */
  static String behaviour(TestCase t) {
    String n = t.title();
    if (t.framework().javascript()) {
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
    return s.isEmpty() ? "it works" : s;
  }

  /** The {@code {style}} sentence, from the parts of {@code parts} (see {@code tests/style.txt}). */
  private static String style(TestCase t, Template parts) {
    List<String> out = new ArrayList<>();
    Map<String, String> v = new TreeMap<>();
    v.put("first", t.firstCase().isEmpty() ? t.title() : t.firstCase());
    v.put("suite", t.scope().isEmpty() ? "" : t.scope().get(t.scope().size() - 1));
    boolean js = t.framework().javascript();
    if (t.traits().contains("parametrized")) {
      int part = js ? 0 : t.framework() == TestFramework.JUNIT4 || t.framework() == TestFramework.JUNIT5 ? 1
          : t.firstCase().isEmpty() ? 2 : 3;
      out.add(parts.fillAt(part, v));
    }
    if (t.traits().contains("async")) {
      out.add(parts.fillAt(4, v));
    }
    if (!t.scope().isEmpty()) {
      out.add(parts.fillAt(js ? 5 : 6, v));
    }
    if (out.isEmpty()) {
      return "";
    }
    String s = String.join("; ", out);
    return " " + Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}
