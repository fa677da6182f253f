package dev.quarry.validate.rules;

import dev.quarry.syntax.SourceTree;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/** Reads {@link CodeFacts} from a Python syntax tree. */
final class PythonFacts {
  private PythonFacts() {}

  static void walk(SourceTree tree, CodeFacts.Walk w) {
    tree.walkTyped((n, type) -> {
      switch (type) {
        case "function_definition":
          function(tree, n, w);
          break;
        case "class_definition":
          SourceTree.field(n, "name").ifPresent(x -> w.tests |= tree.text(x).startsWith("Test"));
          break;
        case "assert_statement":
          w.tests = true;
          break;
        case "try_statement":
        case "raise_statement":
          w.errorHandling = true;
          break;
        case "call":
          call(tree, n, w);
          break;
        case "attribute":
          SourceTree.field(n, "attribute").ifPresent(a -> {
            String name = tree.text(a);
            w.errorHandling |= name.equals("status_code") || name.equals("raise_for_status");
          });
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

  private static void call(SourceTree tree, TSNode n, CodeFacts.Walk w) {
    Optional<TSNode> fn = SourceTree.field(n, "function");
    if (fn.isEmpty()) {
      return;
    }
    String f = tree.text(fn.get());
    if (f.equals("pytest.raises") || f.startsWith("self.assert") || f.startsWith("assert_") || f.equals("pytest.fail")) {
      w.tests = true;
    }
  }

  private static void function(SourceTree tree, TSNode n, CodeFacts.Walk w) {
    String name = SourceTree.field(n, "name").map(tree::text).orElse("?");
    if (name.startsWith("test")) {
      w.tests = true;
    }
    w.typedFunctions++;
    boolean method = enclosingClass(n) != null;
    TSNode params = n.getChildByFieldName("parameters");
    int index = 0;
    if (params != null && !params.isNull()) {
      for (TSNode p : SourceTree.namedChildren(params)) {
        String t = p.getType();
        boolean self = method && index == 0 && t.equals("identifier")
            && (tree.text(p).equals("self") || tree.text(p).equals("cls"));
        if (!self && (t.equals("identifier") || t.equals("default_parameter") || t.equals("list_splat_pattern")
            || t.equals("dictionary_splat_pattern"))) {
          w.untyped(p, "parameter " + tree.text(p).split("=")[0].strip() + " of " + name + "() has no type annotation");
        }
        index++;
      }
    }
    if (SourceTree.field(n, "return_type").isEmpty() && !name.equals("__init__")) {
      w.untyped(n, name + "() has no return annotation");
    }
    placeholderBody(tree, n, name, w);
  }

  private static void placeholderBody(SourceTree tree, TSNode fn, String name, CodeFacts.Walk w) {
    TSNode body = fn.getChildByFieldName("body");
    if (body == null || body.isNull() || isAbstract(tree, fn)) {
      return;
    }
    List<TSNode> statements = SourceTree.namedChildren(body).stream()
        .filter(s -> !s.getType().equals("comment")).toList();
    boolean documented = !statements.isEmpty() && isDocstring(statements.get(0));
    if (documented) {
      statements = statements.subList(1, statements.size());
    }
    if (statements.size() != 1) {
      return;
    }
    TSNode only = statements.get(0);
    String text = tree.text(only).strip();
    boolean pass = only.getType().equals("pass_statement");
    boolean ellipsis = text.equals("...");
    boolean notImplemented = only.getType().equals("raise_statement") && text.contains("NotImplementedError");
    TSNode cls = enclosingClass(fn);
    boolean method = cls != null || firstParameterIsSelf(tree, fn);
    if (cls != null && SourceTree.field(cls, "name").map(tree::text).filter(CodeFacts::testDouble).isPresent()) {
      return; // a fake, stub or in-memory double: doing nothing is its job
    }
    if (method && ((ellipsis && documented) || notImplemented)) {
      return; // an abstract or interface member by convention: its docstring is the contract, subclasses implement it
    }
    if (pass && name.startsWith("__") && name.endsWith("__")) {
      return; // an empty protocol hook (__exit__, __aexit__, __init_subclass__)
    }
    if (pass || ellipsis || notImplemented) {
      w.placeholder(only, name + "() has a placeholder body (" + (text.length() > 40 ? text.substring(0, 40) : text) + ")");
    }
  }

  private static boolean firstParameterIsSelf(SourceTree tree, TSNode fn) {
    TSNode params = fn.getChildByFieldName("parameters");
    if (params == null || params.isNull() || params.getNamedChildCount() == 0) {
      return false;
    }
    String first = tree.text(params.getNamedChild(0)).split("[:=]")[0].strip();
    return first.equals("self") || first.equals("cls");
  }

  private static boolean isDocstring(TSNode s) {
    return s.getType().equals("expression_statement") && s.getNamedChildCount() == 1
        && s.getNamedChild(0).getType().equals("string");
  }

  /** Abstract methods, overloads and Protocol/ABC members legitimately have no body. */
  private static boolean isAbstract(SourceTree tree, TSNode fn) {
    TSNode parent = fn.getParent();
    if (parent != null && !parent.isNull() && parent.getType().equals("decorated_definition")) {
      for (TSNode d : SourceTree.namedChildren(parent)) {
        if (d.getType().equals("decorator") && d.getNamedChildCount() > 0
            && tree.text(d.getNamedChild(0)).matches("((abc|typing)\\.)?(abstract\\w*|overload)")) {
          return true;
        }
      }
    }
    TSNode cls = enclosingClass(fn);
    if (cls != null) {
      TSNode bases = cls.getChildByFieldName("superclasses");
      return bases != null && !bases.isNull() && tree.text(bases).matches("(?s).*\\b(Protocol|ABC|ABCMeta)\\b.*");
    }
    return false;
  }

  private static TSNode enclosingClass(TSNode fn) {
    TSNode p = fn.getParent();
    for (int i = 0; i < 3 && p != null && !p.isNull(); i++) {
      if (p.getType().equals("class_definition")) {
        return p;
      }
      if (p.getType().equals("function_definition")) {
        return null;
      }
      p = p.getParent();
    }
    return null;
  }
}
