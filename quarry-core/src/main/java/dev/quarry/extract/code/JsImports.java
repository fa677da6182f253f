package dev.quarry.extract.code;

import dev.quarry.syntax.SourceTree;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.treesitter.TSNode;

/**
 * The names a JavaScript or TypeScript file imports (ES modules and CommonJS {@code require}), so that aliases
 * resolve: {@code import ex from 'express'} makes {@code ex} mean the default export of {@code express}.
 */
public final class JsImports {
  /** The imported name of a default import or a whole CommonJS module. */
  public static final String DEFAULT = "default";
  /** The imported name of a namespace import ({@code import * as ns}). */
  public static final String NAMESPACE = "*";

  /**
   * What a local name was bound to.
   *
   * @param specifier the module specifier as written ({@code express}, {@code ./routes/users})
   * @param name the imported name, {@link #DEFAULT} or {@link #NAMESPACE}
   */
  public record Binding(String specifier, String name) {}

  private static final Set<String> CONTAINERS = Set.of("program", "statement_block", "if_statement",
      "else_clause", "try_statement", "lexical_declaration", "variable_declaration", "export_statement");

  private final Map<String, Binding> bindings;

  private JsImports(Map<String, Binding> bindings) {
    this.bindings = bindings;
  }

  static JsImports of(CodeFile file) {
    Map<String, Binding> b = new TreeMap<>();
    SourceTree.walk(file.root(), n -> {
      String t = n.getType();
      if (t.equals("import_statement")) {
        importStatement(file, n, b);
        return false;
      }
      if (t.equals("variable_declarator")) {
        requireCall(file, n, b);
        return false;
      }
      return CONTAINERS.contains(t);
    });
    return new JsImports(b);
  }

  private static void importStatement(CodeFile file, TSNode n, Map<String, Binding> b) {
    TSNode source = n.getChildByFieldName("source");
    if (source == null || source.isNull()) {
      return;
    }
    String spec = JsStrings.value(file, source);
    for (TSNode c : SourceTree.namedChildren(n)) {
      if (!c.getType().equals("import_clause")) {
        continue;
      }
      for (TSNode part : SourceTree.namedChildren(c)) {
        switch (part.getType()) {
          case "identifier" -> b.put(file.text(part), new Binding(spec, DEFAULT));
          case "namespace_import" -> SourceTree.namedChildren(part).forEach(
              id -> b.put(file.text(id), new Binding(spec, NAMESPACE)));
          case "named_imports" -> {
            for (TSNode s : SourceTree.namedChildren(part)) {
              if (s.getType().equals("import_specifier")) {
                String name = file.text(s.getChildByFieldName("name"));
                TSNode alias = s.getChildByFieldName("alias");
                b.put(alias == null || alias.isNull() ? name : file.text(alias), new Binding(spec, name));
              }
            }
          }
          default -> { }
        }
      }
    }
  }

  private static void requireCall(CodeFile file, TSNode decl, Map<String, Binding> b) {
    TSNode value = decl.getChildByFieldName("value");
    Optional<String> spec = requireSpecifier(file, value);
    if (spec.isEmpty()) {
      return;
    }
    TSNode name = decl.getChildByFieldName("name");
    if (name.getType().equals("identifier")) {
      b.put(file.text(name), new Binding(spec.get(), DEFAULT));
    } else if (name.getType().equals("object_pattern")) {
      for (TSNode p : SourceTree.namedChildren(name)) {
        if (p.getType().equals("shorthand_property_identifier_pattern")) {
          b.put(file.text(p), new Binding(spec.get(), file.text(p)));
        } else if (p.getType().equals("pair_pattern")) {
          TSNode v = p.getChildByFieldName("value");
          if (v.getType().equals("identifier")) {
            b.put(file.text(v), new Binding(spec.get(), file.text(p.getChildByFieldName("key"))));
          }
        }
      }
    }
  }

  /** The specifier of {@code require('x')} or {@code require('x').y}, when {@code value} is one. */
  static Optional<String> requireSpecifier(CodeFile file, TSNode value) {
    if (value == null || value.isNull() || !value.getType().equals("call_expression")) {
      return Optional.empty();
    }
    TSNode fn = value.getChildByFieldName("function");
    if (!fn.getType().equals("identifier") || !file.text(fn).equals("require")) {
      return Optional.empty();
    }
    TSNode args = value.getChildByFieldName("arguments");
    for (TSNode a : SourceTree.namedChildren(args)) {
      if (a.getType().equals("string")) {
        return Optional.of(JsStrings.value(file, a));
      }
    }
    return Optional.empty();
  }

  /** What {@code local} was imported as, if it was. */
  public Optional<Binding> binding(String local) {
    return Optional.ofNullable(bindings.get(local));
  }

  /** Every binding by local name. */
  public Map<String, Binding> all() {
    return bindings;
  }

  /**
   * What an expression stands for as {@code specifier#name}: an identifier bound by an import, or a member of a
   * namespace or default import ({@code ex.Router} with {@code import ex from 'express'} gives
   * {@code express#Router}). Empty for anything else.
   */
  public Optional<String> qualified(CodeFile file, TSNode expr) {
    if (expr.getType().equals("identifier")) {
      Binding b = bindings.get(file.text(expr));
      return b == null ? Optional.empty() : Optional.of(b.specifier() + "#" + b.name());
    }
    if (expr.getType().equals("member_expression")) {
      TSNode obj = expr.getChildByFieldName("object");
      if (obj.getType().equals("identifier")) {
        Binding b = bindings.get(file.text(obj));
        if (b != null && (b.name().equals(DEFAULT) || b.name().equals(NAMESPACE))) {
          return Optional.of(b.specifier() + "#" + file.text(expr.getChildByFieldName("property")));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the file imports a module whose specifier starts with one of {@code prefixes}. */
  public boolean importsAny(String... prefixes) {
    for (Binding b : bindings.values()) {
      for (String p : prefixes) {
        if (b.specifier().equals(p) || b.specifier().startsWith(p + "/")) {
          return true;
        }
      }
    }
    return false;
  }
}
