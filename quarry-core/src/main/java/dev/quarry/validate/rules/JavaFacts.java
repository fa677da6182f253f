package dev.quarry.validate.rules;

import dev.quarry.syntax.SourceTree;
import org.treesitter.TSNode;

/** Reads {@link CodeFacts} from a Java syntax tree; Java is statically typed, so only tests, errors and placeholders. */
final class JavaFacts {
  private JavaFacts() {}

  static void walk(SourceTree tree, CodeFacts.Walk w) {
    tree.walk(n -> {
      switch (n.getType()) {
        case "marker_annotation":
        case "annotation":
          String a = SourceTree.field(n, "name").map(tree::text).orElse("");
          w.tests |= a.equals("Test") || a.equals("ParameterizedTest") || a.equals("Property") || a.equals("RepeatedTest");
          break;
        case "method_invocation":
          String m = SourceTree.field(n, "name").map(tree::text).orElse("");
          w.tests |= m.startsWith("assert") || m.equals("verify");
          break;
        case "assert_statement":
          w.tests = true;
          break;
        case "try_statement":
        case "try_with_resources_statement":
        case "throw_statement":
        case "throws":
          w.errorHandling = true;
          break;
        case "object_creation_expression":
          placeholderThrow(tree, n, w);
          break;
        case "line_comment":
        case "block_comment":
          w.comment(tree, n);
          break;
        default:
          break;
      }
      return true;
    });
  }

  private static String enclosingClass(SourceTree tree, TSNode n) {
    for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
      if (p.getType().equals("class_declaration")) {
        return SourceTree.field(p, "name").map(tree::text).orElse("");
      }
    }
    return "";
  }

  private static void placeholderThrow(SourceTree tree, TSNode n, CodeFacts.Walk w) {
    String text = tree.text(n);
    if (text.matches("(?s)new UnsupportedOperationException\\(\\s*\"(?i:not (yet )?implemented|todo)[^\"]*\"\\s*\\)")
        && !CodeFacts.testDouble(enclosingClass(tree, n))) {
      w.placeholder(n, "throws UnsupportedOperationException as a placeholder");
    }
  }
}
