package dev.quarry.extract.tests;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The top level of a test file that a test needs to run: the file's own import lines and the helpers
 * (functions, constants, fixtures, fake classes) it uses directly or through another helper. An answer that
 * carries them is the test as the file really runs it, not a fragment with unbound names.
 */
final class Preamble {
  /** Helpers longer than this (in lines, all together) are left out rather than drown the test. */
  static final int MAX_HELPER_LINES = 60;

  private final CodeFile file;
  private final List<TSNode> imports = new ArrayList<>();
  private final Map<String, TSNode> helpers = new LinkedHashMap<>();

  private Preamble(CodeFile file) {
    this.file = file;
  }

  /** The imports and top-level helper declarations of {@code f}. */
  static Preamble of(CodeFile f) {
    Preamble p = new Preamble(f);
    for (TSNode s : SourceTree.namedChildren(f.root())) {
      p.visitTopLevel(s);
    }
    return p;
  }

  private void visitTopLevel(TSNode s) {
    String t = s.getType();
    switch (t) {
      case "import_statement", "import_from_statement", "future_import_statement", "import_declaration" ->
          imports.add(s);
      case "export_statement" -> {
        TSNode d = s.getChildByFieldName("declaration");
        if (d != null && !d.isNull()) {
          names(d).forEach(n -> helpers.putIfAbsent(n, s));
        }
      }
      case "expression_statement" -> {
        List<TSNode> inner = SourceTree.namedChildren(s);
        if (!inner.isEmpty() && inner.get(0).getType().equals("assignment")) {
          names(inner.get(0)).forEach(n -> helpers.putIfAbsent(n, s));
        }
      }
      default -> names(s).forEach(n -> helpers.putIfAbsent(n, s));
    }
  }

  /** The names a top-level declaration binds; empty for tests and anything that is not a declaration. */
  private List<String> names(TSNode d) {
    TSNode def = d.getType().equals("decorated_definition") ? d.getChildByFieldName("definition") : d;
    if (def == null || def.isNull()) {
      return List.of();
    }
    return switch (def.getType()) {
      case "function_declaration", "generator_function_declaration", "class_declaration", "function_definition",
          "class_definition", "interface_declaration", "type_alias_declaration", "enum_declaration" -> {
        TSNode name = def.getChildByFieldName("name");
        String n = name == null || name.isNull() ? "" : file.text(name);
        yield n.isEmpty() || n.startsWith("test") || n.startsWith("Test") ? List.of() : List.of(n);
      }
      case "lexical_declaration", "variable_declaration" -> {
        List<String> out = new ArrayList<>();
        for (TSNode v : SourceTree.namedChildren(def)) {
          TSNode name = v.getChildByFieldName("name");
          if (name != null && !name.isNull() && name.getType().equals("identifier")) {
            out.add(file.text(name));
          }
        }
        yield out;
      }
      case "assignment" -> {
        TSNode left = def.getChildByFieldName("left");
        yield left != null && !left.isNull() && left.getType().equals("identifier") ? List.of(file.text(left))
            : List.of();
      }
      default -> List.of();
    };
  }

  /** The helper declared at the top level under {@code name}, if any. */
  java.util.Optional<TSNode> helper(String name) {
    return java.util.Optional.ofNullable(helpers.get(name));
  }

  /**
   * The import lines and helpers that {@code code} (the test as it will be shown, with its suites) uses, in
   * file order, followed by a blank line; "" when it uses none.
   */
  String forCode(TSNode test, List<String> extraText) {
    Set<String> used = new HashSet<>(words(file.text(test)));
    extraText.forEach(t -> used.addAll(words(t)));
    Set<TSNode> chosen = new java.util.LinkedHashSet<>();
    boolean grew = true;
    int lines = 0;
    while (grew) {
      grew = false;
      for (Map.Entry<String, TSNode> h : helpers.entrySet()) {
        TSNode n = h.getValue();
        if (used.contains(h.getKey()) && !chosen.contains(n) && !contains(n, test)) {
          int size = file.lines(n).last() - file.lines(n).first() + 1;
          if (lines + size > MAX_HELPER_LINES) {
            continue;
          }
          lines += size;
          chosen.add(n);
          used.addAll(words(file.text(n)));
          grew = true;
        }
      }
    }
    List<String> importLines = new ArrayList<>();
    for (TSNode i : imports) {
      List<String> bound = bound(i);
      if (bound.isEmpty() || bound.stream().anyMatch(used::contains)) {
        importLines.add(file.snippet(i));
      }
    }
    List<TSNode> ordered = new ArrayList<>(chosen);
    ordered.sort(java.util.Comparator.comparingInt(TSNode::getStartByte));
    StringBuilder sb = new StringBuilder();
    if (!importLines.isEmpty()) {
      sb.append(String.join("\n", importLines)).append("\n\n");
    }
    for (TSNode n : ordered) {
      sb.append(file.snippet(n)).append("\n\n");
    }
    return sb.toString();
  }

  private static boolean contains(TSNode outer, TSNode inner) {
    return outer.getStartByte() <= inner.getStartByte() && inner.getEndByte() <= outer.getEndByte();
  }

  /** The local names an import binds (the last segment for Java); empty for a side-effect import. */
  private List<String> bound(TSNode imp) {
    if (file.grammar() == Grammar.JAVA) {
      String t = file.text(imp).replace(";", "").strip();
      return t.endsWith("*") ? List.of() : List.of(t.substring(t.lastIndexOf('.') + 1));
    }
    List<String> out = new ArrayList<>();
    SourceTree.walk(imp, n -> {
      if (n.getType().equals("string") || n.getType().equals("dotted_name") && isModuleName(imp, n)) {
        return false;
      }
      if (n.getType().equals("identifier")) {
        out.add(file.text(n));
      }
      return true;
    });
    return out;
  }

  /** In {@code from a.b import c}, {@code a.b} is the module, not a bound name. */
  private static boolean isModuleName(TSNode imp, TSNode n) {
    TSNode module = imp.getChildByFieldName("module_name");
    return module != null && !module.isNull() && module.getStartByte() == n.getStartByte()
        && module.getEndByte() == n.getEndByte();
  }

  private static List<String> words(String text) {
    return List.of(text.split("[^A-Za-z0-9_$]+"));
  }
}
