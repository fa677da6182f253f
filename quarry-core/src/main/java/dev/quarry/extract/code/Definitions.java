package dev.quarry.extract.code;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.treesitter.TSNode;

/** The top-level functions and classes of one file, with their signatures. Immutable. */
public final class Definitions {
  private static final int MAX_METHODS = 12;
  private final Map<String, Definition> byName;
  private final Map<String, String> constants;
  private final Map<String, PyImports.Binding> imports;

  private Definitions(Map<String, Definition> byName, Map<String, String> constants,
      Map<String, PyImports.Binding> imports) {
    this.byName = byName;
    this.constants = constants;
    this.imports = imports;
  }

  /** No definitions. */
  public static Definitions empty() {
    return new Definitions(Map.of(), Map.of(), Map.of());
  }

  /**
   * String constants of a Python file: {@code NAME = "value"} (or annotated) at module level or in a class body
   * (settings classes), by name; the first wins.
   */
  public Map<String, String> constants() {
    return constants;
  }

  /** The Python imports of the file, by local name. */
  public Map<String, PyImports.Binding> imports() {
    return imports;
  }

  /** Reads and parses {@code file}; an unreadable or unknown file has no definitions. */
  static Definitions read(Repository repo, RepoFile file) {
    Optional<Grammar> g = Grammar.forPath(file.path());
    if (g.isEmpty() || file.size() > Limits.MAX_FILE_BYTES) {
      return empty();
    }
    String text;
    try {
      text = repo.read(file);
    } catch (IOException e) {
      return empty();
    }
    try (CodeFile f = CodeFile.parse(file, g.get(), text)) {
      return of(f);
    }
  }

  /** The definitions of a parsed file. */
  public static Definitions of(CodeFile f) {
    Map<String, Definition> out = new TreeMap<>();
    Map<String, String> constants = new TreeMap<>();
    if (f.grammar() == Grammar.PYTHON) {
      pythonConstants(f, f.root(), constants, 0);
    }
    for (TSNode n : SourceTree.namedChildren(f.root())) {
      TSNode d = unwrap(n);
      switch (f.grammar()) {
        case PYTHON -> python(f, d, out);
        case TYPESCRIPT, TSX, JAVASCRIPT -> js(f, d, n, out);
        case JAVA -> java(f, d, out);
        default -> { }
      }
    }
    return new Definitions(out, constants, f.grammar() == Grammar.PYTHON ? f.pyImports().all() : Map.of());
  }

  private static void pythonConstants(CodeFile f, TSNode block, Map<String, String> out, int depth) {
    for (TSNode s : SourceTree.namedChildren(block)) {
      if (s.getType().equals("class_definition") && depth == 0) {
        pythonConstants(f, s.getChildByFieldName("body"), out, 1);
      } else if (s.getType().equals("expression_statement") && s.getNamedChildCount() == 1
          && s.getNamedChild(0).getType().equals("assignment")) {
        TSNode a = s.getNamedChild(0);
        TSNode left = a.getChildByFieldName("left");
        TSNode right = a.getChildByFieldName("right");
        if (left.getType().equals("identifier") && right != null && !right.isNull()) {
          PyStrings.value(f, right).ifPresent(v -> out.putIfAbsent(f.text(left), v));
        }
      }
    }
  }

  /** The definition named {@code name}, if the file has one. */
  public Optional<Definition> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every definition by name. */
  public Map<String, Definition> all() {
    return byName;
  }

  private static TSNode unwrap(TSNode n) {
    String t = n.getType();
    if (t.equals("decorated_definition")) {
      return n.getChildByFieldName("definition");
    }
    if (t.equals("export_statement")) {
      TSNode d = n.getChildByFieldName("declaration");
      if (d != null && !d.isNull()) {
        return d;
      }
    }
    return n;
  }

  private static void python(CodeFile f, TSNode d, Map<String, Definition> out) {
    String t = d.getType();
    if (!t.equals("function_definition") && !t.equals("class_definition")) {
      return;
    }
    String name = f.text(d.getChildByFieldName("name"));
    String summary = PyStrings.docstring(f, d).map(Definitions::firstParagraph).orElse("");
    StringBuilder sig = new StringBuilder(Signatures.header(f, d));
    if (t.equals("class_definition")) {
      sig.append(':');
      int methods = 0;
      for (TSNode m : SourceTree.namedChildren(d.getChildByFieldName("body"))) {
        TSNode fn = unwrap(m);
        if (!fn.getType().equals("function_definition") || methods >= MAX_METHODS) {
          continue;
        }
        String mname = f.text(fn.getChildByFieldName("name"));
        if (mname.startsWith("_") && !mname.equals("__init__") && !mname.equals("__call__")) {
          continue;
        }
        sig.append("\n    ").append(Signatures.header(f, fn)).append(" ...");
        methods++;
      }
    }
    out.put(name, new Definition(name, t.equals("class_definition") ? "class" : "function", f.path(),
        SourceTree.line(d), sig.toString(), summary));
  }

  private static void js(CodeFile f, TSNode d, TSNode outer, Map<String, Definition> out) {
    String t = d.getType();
    String summary = DocComments.before(f, outer).map(Definitions::firstParagraph).orElse("");
    switch (t) {
      case "function_declaration", "generator_function_declaration", "class_declaration",
          "abstract_class_declaration" -> {
        TSNode nameNode = d.getChildByFieldName("name");
        if (nameNode == null || nameNode.isNull()) {
          return;
        }
        String name = f.text(nameNode);
        String kind = t.contains("class") ? "class" : "function";
        out.put(name, new Definition(name, kind, f.path(), SourceTree.line(d), Signatures.header(f, d), summary));
      }
      case "lexical_declaration", "variable_declaration" -> {
        for (TSNode v : SourceTree.namedChildren(d)) {
          if (!v.getType().equals("variable_declarator")) {
            continue;
          }
          TSNode value = v.getChildByFieldName("value");
          TSNode nameNode = v.getChildByFieldName("name");
          if (value == null || value.isNull() || !nameNode.getType().equals("identifier")) {
            continue;
          }
          String vt = value.getType();
          if (vt.equals("arrow_function") || vt.equals("function_expression") || vt.equals("function")) {
            String name = f.text(nameNode);
            out.put(name, new Definition(name, "function", f.path(), SourceTree.line(d),
                Signatures.header(f, v), summary));
          }
        }
      }
      default -> { }
    }
  }

  private static void java(CodeFile f, TSNode d, Map<String, Definition> out) {
    String t = d.getType();
    if (!t.equals("class_declaration") && !t.equals("interface_declaration") && !t.equals("record_declaration")
        && !t.equals("enum_declaration")) {
      return;
    }
    String name = f.text(d.getChildByFieldName("name"));
    StringBuilder sig = new StringBuilder(Signatures.header(f, d)).append(" {");
    int methods = 0;
    TSNode body = d.getChildByFieldName("body");
    for (TSNode m : SourceTree.namedChildren(body)) {
      if ((m.getType().equals("method_declaration") || m.getType().equals("constructor_declaration"))
          && methods < MAX_METHODS && Signatures.javaModifiers(f, m).contains("public")) {
        sig.append("\n  ").append(Signatures.header(f, m)).append(";");
        methods++;
      }
    }
    sig.append("\n}");
    String summary = DocComments.before(f, d).map(Definitions::firstParagraph).orElse("");
    out.put(name, new Definition(name, "class", f.path(), SourceTree.line(d), sig.toString(), summary));
  }

  /** The first paragraph of a documentation text. */
  public static String firstParagraph(String doc) {
    int blank = doc.indexOf("\n\n");
    String p = blank < 0 ? doc : doc.substring(0, blank);
    return p.replace('\n', ' ').strip();
  }
}
