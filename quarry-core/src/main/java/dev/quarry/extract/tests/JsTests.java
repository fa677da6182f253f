package dev.quarry.extract.tests;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * jest, vitest, mocha and Playwright tests: calls of {@code it}/{@code test} (with {@code .only}, {@code .skip},
 * {@code .concurrent}, {@code .each(table)}) whose first argument is the title, inside any nesting of
 * {@code describe}/{@code test.describe} blocks, which are kept as written with their hooks.
 */
final class JsTests {
  private static final Set<String> TESTS = Set.of("it", "test", "specify");
  private static final Set<String> SUITES = Set.of("describe", "suite", "context");
  private static final Set<String> MODIFIERS = Set.of("only", "skip", "concurrent", "todo", "failing", "fails",
      "sequential");

  /** Conditional variants called with their condition first: {@code it.runIf(cond)(...)}. */
  private static final Set<String> CONDITIONS = Set.of("runIf", "skipIf");

  private JsTests() {}

  private static final Set<String> HOOKS = Set.of("beforeEach", "afterEach", "beforeAll", "afterAll", "before",
      "after", "use");

  private record Call(String kind, boolean each, TSNode title, TSNode body, TSNode table) {}

  static List<Candidate<?>> tests(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    walk(f, TestFramework.ofJs(f), f.root(), new ArrayList<>(), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CodeFile f, TestFramework fw, TSNode node, List<String> scope, List<JsSuite> suites,
      List<Candidate<?>> out) {
    SourceTree.walk(node, n -> {
      if (!n.getType().equals("call_expression")) {
        return true;
      }
      Call c = classify(f, n);
      if (c == null) {
        return true;
      }
      String title = JsStrings.isLiteral(c.title()) ? JsStrings.value(f, c.title()) : f.text(c.title());
      if (c.kind().equals("suite")) {
        List<String> inner = new ArrayList<>(scope);
        inner.add(title);
        if (c.body() != null) {
          List<JsSuite> innerSuites = new ArrayList<>(suites);
          suite(f, n, c.body()).ifPresent(innerSuites::add);
          walk(f, fw, c.body(), inner, innerSuites.size() == inner.size() ? innerSuites : List.of(), out);
        }
        return false;
      }
      TSNode stmt = statementOf(n);
      List<String> traits = new ArrayList<>();
      if (c.each()) {
        traits.add("parametrized");
      }
      if (c.body() != null && f.text(c.body()).startsWith("async")) {
        traits.add("async");
      }
      String symbol = scope.isEmpty() ? title : String.join(" > ", scope) + " > " + title;
      String shown = c.each() ? EachTitle.fill(f, c.table(), title) : title;
      out.add(Candidate.of(symbol, stmt, new TestCase(fw, title, shown, scope, traits,
          Identifiers.prioritized(f, n), "", suites, "")));
      return false;
    });
  }

  /** Whether a call is a test or a suite, with its title and body; null when it is neither. */
  private static Call classify(CodeFile f, TSNode call) {
    TSNode fn = call.getChildByFieldName("function");
    boolean each = false;
    TSNode table = null;
    if (fn.getType().equals("call_expression")) {
      TSNode inner = fn.getChildByFieldName("function");
      if (inner.getType().equals("member_expression")
          && CONDITIONS.contains(f.text(inner.getChildByFieldName("property")))) {
        // it.runIf(cond)("title", fn), test.skipIf(cond)(...): a test that runs under a condition.
        return classifyCallee(f, call, inner.getChildByFieldName("object"), false, null);
      }
      if (!inner.getType().equals("member_expression")
          || !f.text(inner.getChildByFieldName("property")).equals("each")) {
        return null;
      }
      each = true;
      TSNode tableArgs = fn.getChildByFieldName("arguments");
      if (tableArgs != null && !tableArgs.isNull()) {
        table = tableArgs.getType().equals("template_string") ? tableArgs
            : SourceTree.namedChildren(tableArgs).stream().findFirst().orElse(null);
      }
      fn = inner.getChildByFieldName("object");
    }
    return classifyCallee(f, call, fn, each, table);
  }

  private static Call classifyCallee(CodeFile f, TSNode call, TSNode callee, boolean each, TSNode table) {
    TSNode fn = callee;
    if (fn.getType().equals("call_expression")) {
      TSNode inner = fn.getChildByFieldName("function");
      if (inner.getType().equals("member_expression")
          && CONDITIONS.contains(f.text(inner.getChildByFieldName("property")))) {
        fn = inner.getChildByFieldName("object");
      } else {
        return null;
      }
    }
    boolean suiteMember = false;
    while (fn.getType().equals("member_expression")) {
      String prop = f.text(fn.getChildByFieldName("property"));
      if (SUITES.contains(prop)) {
        suiteMember = true;
      } else if (!MODIFIERS.contains(prop)) {
        return null;
      }
      fn = fn.getChildByFieldName("object");
    }
    if (!fn.getType().equals("identifier")) {
      return null;
    }
    String name = f.text(fn);
    String kind = suiteMember && TESTS.contains(name) ? "suite"
        : TESTS.contains(name) ? "test" : SUITES.contains(name) ? "suite" : null;
    if (kind == null) {
      return null;
    }
    List<TSNode> args = SourceTree.namedChildren(call.getChildByFieldName("arguments"));
    if (args.isEmpty()) {
      return null;
    }
    TSNode title = args.get(0);
    String tt = title.getType();
    if (!tt.equals("string") && !tt.equals("template_string") && !tt.equals("identifier")
        && !tt.equals("member_expression") && !tt.equals("binary_expression")) {
      return null;
    }
    TSNode body = null;
    for (int i = 1; i < args.size(); i++) {
      String t = args.get(i).getType();
      if (t.equals("arrow_function") || t.equals("function_expression") || t.equals("function")) {
        body = args.get(i);
      }
    }
    if (body == null && kind.equals("suite")) {
      return null;
    }
    return new Call(kind, each, title, body, table);
  }

  /**
   * The suite call {@code call} as written: its text up to the opening brace of {@code fn}'s body, the hooks
   * and declarations of the body that are not tests or suites, and the text after the closing brace. Empty when
   * the body is not a block.
   */
  private static java.util.Optional<JsSuite> suite(CodeFile f, TSNode call, TSNode fn) {
    TSNode block = fn.getChildByFieldName("body");
    if (block == null || block.isNull() || !block.getType().equals("statement_block")) {
      return java.util.Optional.empty();
    }
    TSNode stmt = statementOf(call);
    String open = f.tree().text(call.getStartByte(), block.getStartByte() + 1);
    String close = "}" + f.tree().text(block.getEndByte(), stmt.getEndByte());
    List<String> prelude = new ArrayList<>();
    for (TSNode s : SourceTree.namedChildren(block)) {
      if (isSetUp(f, s)) {
        prelude.add(f.snippet(s));
      }
    }
    return java.util.Optional.of(new JsSuite(open, String.join("\n", prelude), close));
  }

  /** A hook call ({@code beforeEach(...)}, {@code test.beforeEach(...)}) or a declaration inside a suite body. */
  private static boolean isSetUp(CodeFile f, TSNode s) {
    String t = s.getType();
    if (t.equals("lexical_declaration") || t.equals("variable_declaration")) {
      return true;
    }
    if (!t.equals("expression_statement")) {
      return false;
    }
    List<TSNode> inner = SourceTree.namedChildren(s);
    if (inner.isEmpty() || !inner.get(0).getType().equals("call_expression")) {
      return false;
    }
    TSNode fn = inner.get(0).getChildByFieldName("function");
    String name = fn.getType().equals("member_expression") ? f.text(fn.getChildByFieldName("property"))
        : f.text(fn);
    return HOOKS.contains(name);
  }

  private static TSNode statementOf(TSNode n) {
    TSNode p = n.getParent();
    return p != null && !p.isNull() && p.getType().equals("expression_statement") ? p : n;
  }
}
