package dev.quarry.extract.code;

import org.treesitter.TSNode;

/** The values of JavaScript/TypeScript and Python string literals. */
public final class JsStrings {
  private JsStrings() {}

  /**
   * The value of a string literal node without quotes (escapes left as written); a template string without
   * substitutions counts as a string. Other nodes give their text.
   */
  public static String value(CodeFile file, TSNode node) {
    String t = file.text(node);
    String type = node.getType();
    if ((type.equals("string") || type.equals("template_string")) && t.length() >= 2) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** Whether {@code node} is a literal string (a template string only without substitutions). */
  public static boolean isLiteral(TSNode node) {
    String type = node.getType();
    if (type.equals("string")) {
      return true;
    }
    if (type.equals("template_string")) {
      for (int i = 0; i < node.getNamedChildCount(); i++) {
        if (node.getNamedChild(i).getType().equals("template_substitution")) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
