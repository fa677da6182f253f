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
