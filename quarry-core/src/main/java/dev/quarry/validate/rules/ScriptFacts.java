package dev.quarry.validate.rules;

import dev.quarry.syntax.SourceTree;
import java.util.Set;
import org.treesitter.TSNode;

/** Reads {@link CodeFacts} from a TypeScript, TSX or JavaScript syntax tree. */
final class ScriptFacts {
  private static final Set<String> TEST_CALLS = Set.of("describe", "it", "test", "expect", "assert", "beforeEach");
  private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_definition", "function_expression",
      "generator_function_declaration", "function_signature", "method_signature", "abstract_method_signature");

  private ScriptFacts() {}

  static void walk(SourceTree tree, CodeFacts.Walk w, boolean typescript) {
    tree.walkTyped((n, t) -> {
      if (FUNCTIONS.contains(t) || (t.equals("arrow_function") && declared(n))) {
        if (typescript) {
          function(tree, n, w);
        }
      }
      switch (t) {
        case "call_expression":
          call(tree, n, w);
          break;
        case "try_statement":
        case "throw_statement":
          w.errorHandling = true;
          break;
        case "member_expression":
          SourceTree.field(n, "property").ifPresent(p -> {
            String name = tree.text(p);
            w.errorHandling |= name.equals("ok") || name.equals("status") || name.equals("catch");
          });
          break;
        case "new_expression":
          if (tree.text(n).matches("(?s)new Error\\(\\s*[\"'`](?i:not implemented|todo).*")
              && !CodeFacts.testDouble(enclosingClass(tree, n))) {
            w.placeholder(n, "throws a \"not implemented\" error");
          }
          break;
        case "comment":
          w.comment(tree, n);
          break;
        default:
          break;
      }
      return true;
    });
  }

  /** The name of the class around {@code n}, or of the variable a class expression is bound to; empty when none. */
  private static String enclosingClass(SourceTree tree, TSNode n) {
    for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
      String t = p.getType();
      if (t.equals("class_declaration") || t.equals("class") || t.equals("abstract_class_declaration")) {
        java.util.Optional<TSNode> name = SourceTree.field(p, "name");
        if (name.isPresent()) {
          return tree.text(name.get());
        }
        TSNode d = p.getParent();
        if (d != null && !d.isNull() && d.getType().equals("variable_declarator")) {
          return SourceTree.field(d, "name").map(tree::text).orElse("");
        }
      }
    }
    return "";
  }

  /** An arrow function bound to a name (const f = (a) => …), not a callback whose types come from its context. */
  private static boolean declared(TSNode n) {
    TSNode p = n.getParent();
    return p != null && !p.isNull() && (p.getType().equals("variable_declarator") || p.getType().equals("public_field_definition"));
  }

  private static void call(SourceTree tree, TSNode n, CodeFacts.Walk w) {
    TSNode fn = n.getChildByFieldName("function");
    if (fn == null || fn.isNull()) {
      return;
    }
    String f = tree.text(fn);
    int dot = f.indexOf('.');
    if (TEST_CALLS.contains(dot < 0 ? f : f.substring(0, dot))) {
      w.tests = true;
    }
  }

  private static void function(SourceTree tree, TSNode n, CodeFacts.Walk w) {
    w.typedFunctions++;
    TSNode params = n.getChildByFieldName("parameters");
    if (params == null || params.isNull()) {
      return;
    }
    String name = SourceTree.field(n, "name").map(tree::text).orElse("function");
    for (TSNode p : SourceTree.namedChildren(params)) {
      if ((p.getType().equals("required_parameter") || p.getType().equals("optional_parameter"))
          && SourceTree.field(p, "type").isEmpty()) {
        String pn = SourceTree.field(p, "pattern").map(tree::text).orElse(tree.text(p));
        w.untyped(p, "parameter " + pn + " of " + name + " is implicitly any (annotate its type)");
      }
    }
  }
}
