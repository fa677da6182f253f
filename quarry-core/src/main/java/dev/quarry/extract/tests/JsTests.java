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
 * jest, vitest and mocha tests: calls of {@code it}/{@code test} (with {@code .only}, {@code .skip},
 * {@code .concurrent}, {@code .each(table)}) whose first argument is the title, inside any nesting of
 * {@code describe} blocks.
 */
final class JsTests {
  private static final Set<String> TESTS = Set.of("it", "test", "specify");
  private static final Set<String> SUITES = Set.of("describe", "suite", "context");
  private static final Set<String> MODIFIERS = Set.of("only", "skip", "concurrent", "todo", "failing", "fails",
      "sequential");

  private JsTests() {}

  private record Call(String kind, boolean each, TSNode title, TSNode body) {}

  static List<Candidate<?>> tests(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    walk(f, f.root(), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CodeFile f, TSNode node, List<String> scope, List<Candidate<?>> out) {
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
          walk(f, c.body(), inner, out);
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
      out.add(Candidate.of(symbol, stmt, new TestCase("jest", title, scope, traits,
          Identifiers.in(f, n), "")));
      return false;
    });
  }

  /** Whether a call is a test or a suite, with its title and body; null when it is neither. */
  private static Call classify(CodeFile f, TSNode call) {
    TSNode fn = call.getChildByFieldName("function");
    boolean each = false;
    if (fn.getType().equals("call_expression")) {
      TSNode inner = fn.getChildByFieldName("function");
      if (!inner.getType().equals("member_expression")
          || !f.text(inner.getChildByFieldName("property")).equals("each")) {
        return null;
      }
      each = true;
      fn = inner.getChildByFieldName("object");
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
    return new Call(kind, each, title, body);
  }

  private static TSNode statementOf(TSNode n) {
    TSNode p = n.getParent();
    return p != null && !p.isNull() && p.getType().equals("expression_statement") ? p : n;
  }
}
