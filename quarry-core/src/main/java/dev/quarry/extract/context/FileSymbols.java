package dev.quarry.extract.context;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Signatures;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * Reads the top-level definitions of one parsed file as {@link Symbol}s with their stubs: Python functions,
 * classes (header, docstring summary, fields, public methods) and module-level assignments; TypeScript and
 * JavaScript functions, classes, interfaces, type aliases, enums and {@code const}s.
 */
final class FileSymbols {
  static final int MAX_FIELDS = 14;
  static final int MAX_METHODS = 8;
  static final int MAX_DECLARATION_LINES = 16;
  static final int MAX_INLINE_LINES = 3;
  private static final int MAX_SUMMARY = 160;
  /** A string literal that may hold a credential or an address: a URL, an @, or a long token. */
  private static final java.util.regex.Pattern RISKY = java.util.regex.Pattern.compile(
      "[\"'][^\"'\n]*(://|@|[A-Za-z0-9+/_-]{24,})[^\"'\n]*[\"']");

  private FileSymbols() {}

  static List<Symbol> read(CodeFile f) {
    List<Symbol> out = new ArrayList<>();
    for (TSNode n : SourceTree.namedChildren(f.root())) {
      switch (f.grammar()) {
        case PYTHON -> python(f, n, out);
        case TYPESCRIPT, TSX, JAVASCRIPT -> script(f, n, out);
        default -> { }
      }
    }
    return out;
  }

  private static void python(CodeFile f, TSNode n, List<Symbol> out) {
    TSNode d = n.getType().equals("decorated_definition") ? n.getChildByFieldName("definition") : n;
    switch (d.getType()) {
      case "function_definition" -> {
        String name = f.text(d.getChildByFieldName("name"));
        boolean fixture = decorators(f, n).stream().anyMatch(s -> s.contains("fixture"));
        StringBuilder stub = new StringBuilder();
        if (fixture) {
          decorators(f, n).forEach(s -> stub.append(s).append('\n'));
        }
        stub.append(Signatures.header(f, d)).append(":\n    ").append(docLine(f, d));
        out.add(new Symbol(name, fixture ? "fixture" : "function", f.path(), SourceTree.line(n), Grammar.PYTHON,
            stub.toString(), "", true));
      }
      case "class_definition" -> out.add(new Symbol(f.text(d.getChildByFieldName("name")), "class", f.path(),
          SourceTree.line(n), Grammar.PYTHON, pythonClass(f, n, d), "", true));
      case "expression_statement" -> {
        if (d.getNamedChildCount() == 1 && d.getNamedChild(0).getType().equals("assignment")) {
          TSNode a = d.getNamedChild(0);
          TSNode left = a.getChildByFieldName("left");
          if (left != null && !left.isNull() && left.getType().equals("identifier")) {
            String text = f.text(d);
            boolean shortText = text.lines().count() <= MAX_INLINE_LINES;
            TSNode right = a.getChildByFieldName("right");
            boolean literal = right == null || right.isNull() || right.getType().equals("string")
                || right.getType().equals("concatenated_string");
            boolean plain = shortText && !literal && !RISKY.matcher(text).find();
            String stub = plain ? text : withoutLiteralDefault(f, d);
            out.add(new Symbol(f.text(left), "value", f.path(), SourceTree.line(d), Grammar.PYTHON, stub,
                plain ? text : "", true));
          }
        }
      }
      default -> { }
    }
  }

  private static List<String> decorators(CodeFile f, TSNode n) {
    List<String> out = new ArrayList<>();
    if (n.getType().equals("decorated_definition")) {
      for (TSNode c : SourceTree.namedChildren(n)) {
        if (c.getType().equals("decorator") && !f.text(c).contains("\n")) {
          out.add(f.text(c));
        }
      }
    }
    return out;
  }

  private static String pythonClass(CodeFile f, TSNode outer, TSNode d) {
    StringBuilder s = new StringBuilder();
    decorators(f, outer).stream().filter(x -> x.contains("dataclass")).forEach(x -> s.append(x).append('\n'));
    s.append(Signatures.header(f, d)).append(':');
    String doc = docLine(f, d);
    if (!doc.equals("...")) {
      s.append("\n    ").append(doc);
    }
    int fields = 0;
    int methods = 0;
    for (TSNode m : SourceTree.namedChildren(d.getChildByFieldName("body"))) {
      TSNode inner = m.getType().equals("decorated_definition") ? m.getChildByFieldName("definition") : m;
      if (inner.getType().equals("expression_statement") && fields < MAX_FIELDS) {
        String line = withoutLiteralDefault(f, inner);
        if (!line.contains("\n") && !line.startsWith("\"") && !line.startsWith("'")) {
          s.append("\n    ").append(line);
          fields++;
        }
      } else if (inner.getType().equals("function_definition") && methods < MAX_METHODS) {
        String name = f.text(inner.getChildByFieldName("name"));
        if (!name.startsWith("_") || name.equals("__init__") || name.equals("__call__")) {
          s.append("\n    ").append(Signatures.header(f, inner)).append(": ...");
          methods++;
        }
      }
    }
    if (fields == 0 && methods == 0 && doc.equals("...")) {
      s.append(" ...");
    }
    return s.toString();
  }

  /**
   * A field or constant without a string value: {@code name: str = "…"} becomes {@code name: str = ...}, so a
   * context block never repeats a configured URL, password or key (values that only the source should hold).
   */
  private static String withoutLiteralDefault(CodeFile f, TSNode statement) {
    if (statement.getNamedChildCount() != 1 || !statement.getNamedChild(0).getType().equals("assignment")) {
      return f.text(statement);
    }
    TSNode a = statement.getNamedChild(0);
    TSNode right = a.getChildByFieldName("right");
    if (right == null || right.isNull()) {
      return f.text(statement);
    }
    String value = f.text(right);
    if (!value.contains("\"") && !value.contains("'") && !value.contains("\n")) {
      return f.text(statement);
    }
    if (right.getType().equals("call")) {
      return f.tree().text(a.getStartByte(), right.getStartByte()) + f.text(right.getChildByFieldName("function"))
          + "(...)";
    }
    return f.tree().text(a.getStartByte(), right.getStartByte()).stripTrailing() + " ...";
  }

  /** The docstring's first paragraph as a one-line docstring, or {@code ...}. */
  private static String docLine(CodeFile f, TSNode def) {
    TSNode body = def.getChildByFieldName("body");
    if (body == null || body.isNull() || body.getNamedChildCount() == 0) {
      return "...";
    }
    TSNode first = body.getNamedChild(0);
    if (!first.getType().equals("expression_statement") || first.getNamedChildCount() != 1
        || !first.getNamedChild(0).getType().equals("string")) {
      return "...";
    }
    String raw = f.text(first.getNamedChild(0)).replaceAll("^[rRuUbB]*(\"\"\"|'''|\"|')", "")
        .replaceAll("(\"\"\"|'''|\"|')$", "");
    int blank = raw.strip().indexOf("\n\n");
    String p = (blank < 0 ? raw.strip() : raw.strip().substring(0, blank)).replaceAll("\\s+", " ").strip();
    if (p.isEmpty()) {
      return "...";
    }
    if (p.length() > MAX_SUMMARY) {
      p = p.substring(0, MAX_SUMMARY - 1).strip() + "…";
    }
    return "\"\"\"" + p.replace("\"\"\"", "'''").replace("\\", "\\\\") + "\"\"\"";
  }

  private static void script(CodeFile f, TSNode n, List<Symbol> out) {
    boolean exported = n.getType().equals("export_statement");
    TSNode d = n;
    if (exported) {
      TSNode decl = n.getChildByFieldName("declaration");
      if (decl == null || decl.isNull()) {
        return;
      }
      d = decl;
    }
    String t = d.getType();
    switch (t) {
      case "function_declaration", "generator_function_declaration", "function_signature" -> {
        TSNode name = d.getChildByFieldName("name");
        out.add(new Symbol(f.text(name), "function", f.path(), SourceTree.line(n), f.grammar(),
            prefix(exported) + Signatures.header(f, d) + ";", "", exported));
      }
      case "class_declaration", "abstract_class_declaration" -> out.add(new Symbol(
          f.text(d.getChildByFieldName("name")), "class", f.path(), SourceTree.line(n), f.grammar(),
          prefix(exported) + scriptClass(f, d), "", exported));
      case "interface_declaration", "type_alias_declaration", "enum_declaration" -> out.add(new Symbol(
          f.text(d.getChildByFieldName("name")), "type", f.path(), SourceTree.line(n), f.grammar(),
          capped(f.text(n)), "", exported));
      case "lexical_declaration", "variable_declaration" -> {
        for (TSNode v : SourceTree.namedChildren(d)) {
          TSNode name = v.getChildByFieldName("name");
          if (!v.getType().equals("variable_declarator") || name == null || name.isNull()
              || !name.getType().equals("identifier")) {
            continue;
          }
          TSNode value = v.getChildByFieldName("value");
          String vt = value == null || value.isNull() ? "" : value.getType();
          boolean fn = vt.equals("arrow_function") || vt.equals("function_expression") || vt.equals("function");
          String stub = fn ? prefix(exported) + "function " + f.text(name) + arrowSignature(f, value) + ";"
              : capped(f.text(n));
          out.add(new Symbol(f.text(name), fn ? "function" : "value", f.path(), SourceTree.line(n), f.grammar(),
              stub, "", exported));
        }
      }
      default -> { }
    }
  }

  private static String prefix(boolean exported) {
    return exported ? "export " : "";
  }

  private static String arrowSignature(CodeFile f, TSNode fn) {
    StringBuilder s = new StringBuilder();
    TSNode tp = fn.getChildByFieldName("type_parameters");
    if (tp != null && !tp.isNull()) {
      s.append(f.text(tp));
    }
    TSNode params = fn.getChildByFieldName("parameters");
    TSNode single = fn.getChildByFieldName("parameter");
    if (params != null && !params.isNull()) {
      s.append(f.text(params));
    } else if (single != null && !single.isNull()) {
      s.append('(').append(f.text(single)).append(')');
    } else {
      s.append("()");
    }
    TSNode ret = fn.getChildByFieldName("return_type");
    if (ret != null && !ret.isNull()) {
      s.append(f.text(ret));
    }
    // Line breaks stay: they may be the only separators of an inline object type's members.
    return s.toString();
  }

  private static String scriptClass(CodeFile f, TSNode d) {
    StringBuilder s = new StringBuilder(Signatures.header(f, d)).append(" {");
    int methods = 0;
    for (TSNode m : SourceTree.namedChildren(d.getChildByFieldName("body"))) {
      if (!m.getType().equals("method_definition") || methods >= MAX_METHODS) {
        continue;
      }
      String h = Signatures.header(f, m);
      if (h.startsWith("private") || h.startsWith("protected") || h.startsWith("#")) {
        continue;
      }
      s.append("\n  ").append(h).append(';');
      methods++;
    }
    return s.append("\n}").toString();
  }

  private static String capped(String text) {
    List<String> lines = text.lines().toList();
    if (lines.size() <= MAX_DECLARATION_LINES) {
      return text.strip();
    }
    return String.join("\n", lines.subList(0, MAX_DECLARATION_LINES - 1)) + "\n  // …";
  }
}
