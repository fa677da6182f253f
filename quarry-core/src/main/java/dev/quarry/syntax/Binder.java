package dev.quarry.syntax;

import java.util.Set;
import org.treesitter.TSNode;

/**
 * Finds the binding positions of {@link FreeNames}: visited once per node, it records the start bytes of
 * identifiers that bind a name ({@code binding}) or are no use of a name at all ({@code ignored}: attribute
 * names, keyword-argument names, imported module paths, intrinsic JSX elements), and the bound names.
 */
final class Binder {
  private final SourceTree tree;
  private final Set<Integer> binding;
  private final Set<Integer> ignored;
  private final Set<String> bound;

  Binder(SourceTree tree, Set<Integer> binding, Set<Integer> ignored, Set<String> bound) {
    this.tree = tree;
    this.binding = binding;
    this.ignored = ignored;
    this.bound = bound;
  }

  /** Visits {@code n}, whose node type is {@code type}. */
  void python(TSNode n, String type) {
    switch (type) {
      case "function_definition", "class_definition" -> bind(field(n, "name"));
      case "parameters", "lambda_parameters" -> SourceTree.namedChildren(n).forEach(this::pythonParameter);
      case "assignment", "augmented_assignment", "for_statement", "for_in_clause" -> targets(field(n, "left"));
      case "named_expression" -> bind(field(n, "name"));
      case "as_pattern" -> {
        TSNode alias = field(n, "alias");
        if (alias != null) {
          targets(alias);
        }
      }
      case "global_statement", "nonlocal_statement" -> SourceTree.namedChildren(n).forEach(this::bind);
      case "except_clause" -> exceptAlias(n);
      case "import_statement" -> pythonImport(n);
      case "import_from_statement" -> pythonFromImport(n);
      case "attribute" -> ignore(field(n, "attribute"));
      case "keyword_argument" -> ignore(field(n, "name"));
      case "case_pattern" -> SourceTree.namedChildren(n).forEach(c -> {
        if (c.getType().equals("dotted_name") && c.getNamedChildCount() == 1) {
          bind(c.getNamedChild(0));
        }
      });
      default -> { }
    }
  }

  private void pythonParameter(TSNode p) {
    switch (p.getType()) {
      case "identifier" -> bind(p);
      case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern" -> {
        for (TSNode c : SourceTree.namedChildren(p)) {
          if (c.getType().equals("identifier")) {
            bind(c);
            return;
          }
          if (c.getType().endsWith("splat_pattern")) {
            pythonParameter(c);
            return;
          }
        }
      }
      case "default_parameter", "typed_default_parameter" -> bind(field(p, "name"));
      case "tuple_pattern" -> targets(p);
      default -> { }
    }
  }

  private void exceptAlias(TSNode n) {
    boolean afterAs = false;
    for (int i = 0; i < n.getChildCount(); i++) {
      TSNode c = n.getChild(i);
      if (c.getType().equals("as")) {
        afterAs = true;
      } else if (afterAs && c.getType().equals("identifier")) {
        bind(c);
        return;
      }
    }
  }

  private void pythonImport(TSNode n) {
    for (TSNode name : SourceTree.fieldChildren(n, "name")) {
      if (name.getType().equals("aliased_import")) {
        ignoreAll(field(name, "name"));
        bind(field(name, "alias"));
      } else {
        ignoreAll(name);
        TSNode first = name.getNamedChildCount() > 0 ? name.getNamedChild(0) : name;
        binding.add(first.getStartByte());
        bound.add(tree.text(first));
      }
    }
  }

  private void pythonFromImport(TSNode n) {
    ignoreAll(field(n, "module_name"));
    for (TSNode name : SourceTree.fieldChildren(n, "name")) {
      if (name.getType().equals("aliased_import")) {
        ignoreAll(field(name, "name"));
        bind(field(name, "alias"));
      } else {
        ignoreAll(name);
        bound.add(tree.text(name));
      }
    }
  }

  /** Binds the names of an assignment target; attributes and subscripts are uses, not bindings. */
  private void targets(TSNode t) {
    if (t == null) {
      return;
    }
    switch (t.getType()) {
      case "identifier" -> bind(t);
      case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list",
          "parenthesized_expression", "list_splat_pattern", "as_pattern_target" ->
          SourceTree.namedChildren(t).forEach(this::targets);
      default -> { }
    }
  }

  /** Visits {@code n}, whose node type is {@code type}. */
  void script(TSNode n, String type) {
    switch (type) {
      case "variable_declarator" -> pattern(field(n, "name"));
      case "function_declaration", "generator_function_declaration", "function_expression", "function",
          "class_declaration", "abstract_class_declaration", "class", "interface_declaration",
          "type_alias_declaration", "enum_declaration", "function_signature", "type_parameter",
          "internal_module", "module" -> bind(field(n, "name"));
      case "required_parameter", "optional_parameter" -> pattern(field(n, "pattern"));
      case "formal_parameters" -> SourceTree.namedChildren(n).forEach(p -> {
        if (!p.getType().endsWith("_parameter")) {
          pattern(p);
        }
      });
      case "arrow_function" -> {
        TSNode p = field(n, "parameter");
        if (p != null) {
          bind(p);
        }
      }
      case "catch_clause" -> pattern(field(n, "parameter"));
      case "for_in_statement" -> pattern(field(n, "left"));
      case "import_specifier" -> {
        TSNode alias = field(n, "alias");
        if (alias != null) {
          ignore(field(n, "name"));
          bind(alias);
        } else {
          bind(field(n, "name"));
        }
      }
      case "namespace_import" -> SourceTree.namedChildren(n).forEach(this::bind);
      case "import_clause" -> SourceTree.namedChildren(n).forEach(c -> {
        if (c.getType().equals("identifier")) {
          bind(c);
        }
      });
      case "mapped_type_clause" -> bind(field(n, "name"));
      case "infer_type" -> SourceTree.namedChildren(n).forEach(this::bind);
      case "labeled_statement" -> ignore(field(n, "label"));
      case "jsx_opening_element", "jsx_self_closing_element", "jsx_closing_element" -> jsxName(n);
      case "export_specifier" -> {
        if (field(n, "alias") != null) {
          ignore(field(n, "alias"));
        }
      }
      default -> { }
    }
  }

  private void jsxName(TSNode n) {
    TSNode name = field(n, "name");
    if (name == null) {
      return;
    }
    boolean closing = n.getType().equals("jsx_closing_element");
    if (name.getType().equals("identifier")) {
      String s = tree.text(name);
      if (closing || s.isEmpty() || !Character.isUpperCase(s.charAt(0))) {
        ignore(name);
      }
    } else if (closing) {
      ignoreAll(name);
    }
  }

  /** Binds the names of a declaration pattern (destructuring, defaults, rest). */
  private void pattern(TSNode p) {
    if (p == null) {
      return;
    }
    switch (p.getType()) {
      case "identifier", "shorthand_property_identifier_pattern" -> bind(p);
      case "object_pattern", "array_pattern", "rest_pattern" -> SourceTree.namedChildren(p).forEach(this::pattern);
      case "pair_pattern" -> pattern(field(p, "value"));
      case "assignment_pattern", "object_assignment_pattern" -> pattern(field(p, "left"));
      default -> { }
    }
  }

  private void bind(TSNode id) {
    if (id == null || id.isNull()) {
      return;
    }
    binding.add(id.getStartByte());
    bound.add(tree.text(id));
  }

  private void ignore(TSNode id) {
    if (id != null && !id.isNull()) {
      ignored.add(id.getStartByte());
    }
  }

  private void ignoreAll(TSNode node) {
    if (node != null && !node.isNull()) {
      SourceTree.walk(node, c -> {
        ignored.add(c.getStartByte());
        return true;
      });
    }
  }

  private static TSNode field(TSNode n, String name) {
    TSNode c = n.getChildByFieldName(name);
    return c == null || c.isNull() ? null : c;
  }
}
