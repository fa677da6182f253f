package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** Signatures of definitions: the code of a definition up to its body, as written. */
public final class Signatures {
  private Signatures() {}

  /**
   * The header of a definition: for Python {@code def f(x: int) -> str} (no colon), for JavaScript/TypeScript
   * {@code function f(a: A): B} or {@code const f = (a: A): B =>}, for Java the modifiers without annotations,
   * type, name and parameters. Whitespace runs inside are collapsed to one space.
   */
  public static String header(CodeFile f, TSNode def) {
    TSNode body = def.getChildByFieldName("body");
    int start = def.getStartByte();
    String prefix = "";
    if (def.getType().equals("variable_declarator")) {
      TSNode value = def.getChildByFieldName("value");
      body = value.getChildByFieldName("body");
      TSNode decl = def.getParent();
      prefix = decl.getType().equals("lexical_declaration") ? firstWord(f.text(decl)) + " " : "const ";
    }
    if (f.grammar() == dev.quarry.syntax.Grammar.JAVA) {
      for (TSNode c : SourceTree.namedChildren(def)) {
        if (c.getType().equals("modifiers")) {
          List<String> kw = javaModifiers(f, def);
          prefix = kw.isEmpty() ? "" : String.join(" ", kw) + " ";
          start = c.getEndByte();
        }
      }
    }
    int end = body == null || body.isNull() ? def.getEndByte() : body.getStartByte();
    String h = f.tree().text(start, end).strip();
    if (h.endsWith(":") && f.grammar() == dev.quarry.syntax.Grammar.PYTHON) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.endsWith("{")) {
      h = h.substring(0, h.length() - 1);
    }
    return collapse(prefix + h.strip());
  }

  /** The modifier keywords of a Java declaration ({@code public}, {@code static} …), without annotations. */
  public static List<String> javaModifiers(CodeFile f, TSNode def) {
    List<String> out = new ArrayList<>();
    for (TSNode c : SourceTree.namedChildren(def)) {
      if (c.getType().equals("modifiers")) {
        int n = c.getChildCount();
        for (int i = 0; i < n; i++) {
          TSNode m = c.getChild(i);
          if (!m.getType().contains("annotation") && !m.getType().contains("comment")) {
            out.add(f.text(m));
          }
        }
      }
    }
    return out;
  }

  /** The annotations of a Java declaration, as written. */
  public static List<TSNode> javaAnnotations(TSNode def) {
    List<TSNode> out = new ArrayList<>();
    for (TSNode c : SourceTree.namedChildren(def)) {
      if (c.getType().equals("modifiers")) {
        for (TSNode m : SourceTree.namedChildren(c)) {
          if (m.getType().contains("annotation")) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  /** The simple name of a Java annotation ({@code GetMapping} for {@code @org.x.GetMapping("/a")}). */
  public static String annotationName(CodeFile f, TSNode annotation) {
    String n = f.text(annotation.getChildByFieldName("name"));
    return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
  }

  static String collapse(String s) {
    StringBuilder sb = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && sb.length() > 0 && !(c == ')' || c == ']' || sb.charAt(sb.length() - 1) == '('
            || sb.charAt(sb.length() - 1) == '[')) {
          sb.append(' ');
        }
        space = false;
        sb.append(c);
      }
    }
    return sb.toString().replace(",)", ")").replace(",]", "]");
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && Character.isLetter(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}
