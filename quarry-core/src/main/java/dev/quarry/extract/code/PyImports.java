package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.treesitter.TSNode;

/**
 * The names a Python file imports, so that aliases resolve to what they stand for:
 * {@code from fastapi import APIRouter as R} makes {@code R} mean {@code fastapi.APIRouter}.
 */
public final class PyImports {
  /**
   * What a local name was bound to by an import.
   *
   * @param module the module as written, leading dots for relative imports ({@code ..routers})
   * @param name the imported name, or null when the module itself was imported
   */
  public record Binding(String module, String name) {
    /** The dotted name the binding stands for. */
    public String qualified() {
      if (name == null) {
        return module;
      }
      return module.endsWith(".") ? module + name : module + "." + name;
    }
  }

  /** Statement containers that may hold imports (an app factory imports inside a function). */
  private static final java.util.Set<String> CONTAINERS = java.util.Set.of("module", "block", "if_statement",
      "elif_clause", "else_clause", "try_statement", "except_clause", "finally_clause", "function_definition",
      "decorated_definition", "with_statement");

  /**
   * The name of a wildcard import's binding ({@code from m import *} is recorded under {@code *m} with
   * name {@code *}).
   */
  public static final String STAR = "*";

  private final Map<String, Binding> bindings;

  private PyImports(Map<String, Binding> bindings) {
    this.bindings = bindings;
  }

  static PyImports of(CodeFile file) {
    Map<String, Binding> b = new TreeMap<>();
    SourceTree.walk(file.root(), n -> {
      String t = n.getType();
      if (t.equals("import_statement")) {
        for (TSNode name : SourceTree.fieldChildren(n, "name")) {
          if (name.getType().equals("aliased_import")) {
            String module = file.text(name.getChildByFieldName("name"));
            b.put(file.text(name.getChildByFieldName("alias")), new Binding(module, null));
          } else {
            String module = file.text(name);
            b.put(module, new Binding(module, null));
            b.putIfAbsent(module.split("\\.")[0], new Binding(module.split("\\.")[0], null));
          }
        }
        return false;
      }
      if (t.equals("import_from_statement")) {
        TSNode moduleNode = n.getChildByFieldName("module_name");
        String module = moduleNode == null || moduleNode.isNull() ? "" : file.text(moduleNode).replace(" ", "");
        for (TSNode c : SourceTree.namedChildren(n)) {
          if (c.getType().equals("wildcard_import")) {
            b.put(STAR + module, new Binding(module, STAR));
          }
        }
        for (TSNode name : SourceTree.fieldChildren(n, "name")) {
          if (name.getType().equals("aliased_import")) {
            b.put(file.text(name.getChildByFieldName("alias")),
                new Binding(module, file.text(name.getChildByFieldName("name"))));
          } else {
            b.put(file.text(name), new Binding(module, file.text(name)));
          }
        }
        return false;
      }
      return CONTAINERS.contains(t);
    });
    return new PyImports(b);
  }

  /** What {@code local} was imported as, if it was. */
  public Optional<Binding> binding(String local) {
    return Optional.ofNullable(bindings.get(local));
  }

  /** Every binding, by local name. */
  public Map<String, Binding> all() {
    return bindings;
  }

  /**
   * The dotted name an expression stands for: an identifier or attribute chain with its first part replaced
   * by what it was imported as ({@code r.APIRouter} with {@code import fastapi as r} gives
   * {@code fastapi.APIRouter}). Other expressions give their text.
   */
  public String qualified(CodeFile file, TSNode expr) {
    String text = file.text(expr).replace(" ", "");
    int dot = text.indexOf('.');
    String head = dot < 0 ? text : text.substring(0, dot);
    Binding b = bindings.get(head);
    if (b == null) {
      return text;
    }
    return dot < 0 ? b.qualified() : b.qualified() + text.substring(dot);
  }

  /** Whether any import's top-level module is one of {@code roots}. */
  public boolean importsAny(String... roots) {
    for (Binding b : bindings.values()) {
      String m = b.module();
      String root = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
      for (String r : roots) {
        if (root.equals(r)) {
          return true;
        }
      }
    }
    return false;
  }
}
