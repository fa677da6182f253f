package dev.quarry.extract.tests;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.SourceTree;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/** The identifiers a piece of code uses, in order of first use ({@code a.b} counts as {@code a} and {@code a.b}). */
final class Identifiers {
  private static final int MAX = 200;

  private Identifiers() {}

  /**
   * The identifiers {@code node} uses, those it asserts on first ({@code expect(...)}, {@code assert ...},
   * {@code self.assertEqual(...)}, {@code assertThat(...)}), then those it calls, then the rest: the code under
   * test is what a test checks, not the first type or fixture it names.
   */
  static List<String> prioritized(CodeFile f, TSNode node) {
    Set<String> asserted = new LinkedHashSet<>();
    Set<String> called = new LinkedHashSet<>();
    SourceTree.walk(node, n -> {
      String t = n.getType();
      if (t.equals("assert_statement")) {
        asserted.addAll(in(f, n));
        return true;
      }
      if (!t.equals("call_expression") && !t.equals("call") && !t.equals("method_invocation")) {
        return true;
      }
      TSNode fn = n.getChildByFieldName(t.equals("method_invocation") ? "name" : "function");
      if (fn == null || fn.isNull()) {
        return true;
      }
      String callee = f.text(fn);
      String last = callee.contains(".") ? callee.substring(callee.lastIndexOf('.') + 1) : callee;
      TSNode args = n.getChildByFieldName("arguments");
      if ((last.equals("expect") || last.startsWith("assert")) && args != null && !args.isNull()) {
        asserted.addAll(in(f, args));
      }
      if (!last.equals("expect") && !last.startsWith("assert") && !t.equals("method_invocation")) {
        called.addAll(in(f, fn));
      }
      return true;
    });
    Set<String> out = new LinkedHashSet<>(asserted);
    out.addAll(called);
    out.addAll(in(f, node));
    return List.copyOf(out);
  }

  static List<String> in(CodeFile f, TSNode node) {
    Set<String> out = new LinkedHashSet<>();
    SourceTree.walk(node, n -> {
      if (out.size() >= MAX) {
        return false;
      }
      String t = n.getType();
      if (t.equals("identifier") || t.equals("type_identifier")) {
        out.add(f.text(n));
        return false;
      }
      if (t.equals("attribute") || t.equals("member_expression")) {
        TSNode obj = n.getChildByFieldName("object");
        if (obj != null && !obj.isNull() && obj.getType().equals("identifier")) {
          TSNode prop = n.getChildByFieldName(t.equals("attribute") ? "attribute" : "property");
          out.add(f.text(obj));
          out.add(f.text(obj) + "." + f.text(prop));
          return false;
        }
      }
      return true;
    });
    return List.copyOf(out);
  }
}
