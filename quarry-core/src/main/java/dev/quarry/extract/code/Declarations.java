package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * The declarations of a file that examples are made of: top-level functions and classes, and the methods of
 * classes, with their documentation. Python, JavaScript/TypeScript and Java.
 */
public final class Declarations {
  /**
   * One declaration.
   *
   * @param name its name ({@code Class.method} for a method)
   * @param kind {@code function}, {@code class} or {@code method}
   * @param first the first node of its code (decorators and annotations included, doc comments not)
   * @param definition the definition node itself
   * @param doc its documentation (docstring, JSDoc, Javadoc), or ""
   * @param isPublic whether it is public: no leading underscore (Python), exported (JS/TS), {@code public} (Java)
   * @param methods for a class, its methods
   */
  public record Declaration(String name, String kind, TSNode first, TSNode definition, String doc,
      boolean isPublic, List<Declaration> methods) {}

  private Declarations() {}

  /** The top-level declarations of a file, in document order. */
  public static List<Declaration> of(CodeFile f) {
    List<Declaration> out = new ArrayList<>();
    for (TSNode n : SourceTree.namedChildren(f.root())) {
      switch (f.grammar()) {
        case PYTHON -> python(f, n, "").ifPresent(out::add);
        case JAVASCRIPT, TYPESCRIPT, TSX -> js(f, n, out);
        case JAVA -> java(f, n, "").ifPresent(out::add);
        default -> { }
      }
    }
    return out;
  }

  private static Optional<Declaration> python(CodeFile f, TSNode n, String owner) {
    TSNode def = n.getType().equals("decorated_definition") ? n.getChildByFieldName("definition") : n;
    String t = def.getType();
    if (!t.equals("function_definition") && !t.equals("class_definition")) {
      return Optional.empty();
    }
    String name = f.text(def.getChildByFieldName("name"));
    boolean pub = !name.startsWith("_") || name.startsWith("__") && name.endsWith("__");
    String doc = PyStrings.docstring(f, def).orElse("");
    List<Declaration> methods = new ArrayList<>();
    if (t.equals("class_definition")) {
      for (TSNode m : SourceTree.namedChildren(def.getChildByFieldName("body"))) {
        python(f, m, name).ifPresent(methods::add);
      }
    }
    String kind = t.equals("class_definition") ? "class" : owner.isEmpty() ? "function" : "method";
    return Optional.of(new Declaration(owner.isEmpty() ? name : owner + "." + name, kind, n, def, doc, pub,
        methods));
  }

  private static void js(CodeFile f, TSNode n, List<Declaration> out) {
    boolean exported = n.getType().equals("export_statement");
    TSNode d = exported ? n.getChildByFieldName("declaration") : n;
    if (d == null || d.isNull()) {
      return;
    }
    String doc = DocComments.before(f, n).orElse("");
    switch (d.getType()) {
      case "function_declaration", "generator_function_declaration" -> {
        TSNode name = d.getChildByFieldName("name");
        if (name != null && !name.isNull()) {
          out.add(new Declaration(f.text(name), "function", n, d, doc, exported, List.of()));
        }
      }
      case "class_declaration", "abstract_class_declaration" -> {
        TSNode nameNode = d.getChildByFieldName("name");
        if (nameNode == null || nameNode.isNull()) {
          return;
        }
        String cls = f.text(nameNode);
        List<Declaration> methods = new ArrayList<>();
        for (TSNode m : SourceTree.namedChildren(d.getChildByFieldName("body"))) {
          if (m.getType().equals("method_definition")) {
            String mn = f.text(m.getChildByFieldName("name"));
            boolean pub = !mn.startsWith("#") && !mn.startsWith("_") && !f.text(m).startsWith("private")
                && !f.text(m).startsWith("protected");
            methods.add(new Declaration(cls + "." + mn, "method", m, m, DocComments.before(f, m).orElse(""),
                pub, List.of()));
          }
        }
        out.add(new Declaration(cls, "class", n, d, doc, exported, methods));
      }
      case "lexical_declaration" -> {
        for (TSNode v : SourceTree.namedChildren(d)) {
          TSNode value = v.getChildByFieldName("value");
          TSNode name = v.getChildByFieldName("name");
          if (v.getType().equals("variable_declarator") && value != null && !value.isNull()
              && name.getType().equals("identifier")
              && (value.getType().equals("arrow_function") || value.getType().equals("function_expression"))) {
            out.add(new Declaration(f.text(name), "function", n, v, doc, exported, List.of()));
          }
        }
      }
      default -> { }
    }
  }

  private static Optional<Declaration> java(CodeFile f, TSNode n, String owner) {
    String t = n.getType();
    if (!t.equals("class_declaration") && !t.equals("method_declaration") && !t.equals("interface_declaration")
        && !t.equals("record_declaration") && !t.equals("enum_declaration")) {
      return Optional.empty();
    }
    String name = f.text(n.getChildByFieldName("name"));
    boolean pub = Signatures.javaModifiers(f, n).contains("public");
    String doc = DocComments.before(f, n).orElse("");
    List<Declaration> methods = new ArrayList<>();
    if (!t.equals("method_declaration")) {
      for (TSNode m : SourceTree.namedChildren(n.getChildByFieldName("body"))) {
        java(f, m, name).ifPresent(methods::add);
      }
    }
    String kind = t.equals("method_declaration") ? "method" : "class";
    return Optional.of(new Declaration(owner.isEmpty() ? name : owner + "." + name, kind, n, n, doc, pub, methods));
  }
}
