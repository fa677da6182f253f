package dev.quarry.extract.hooks;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/** Reads a hook's parameters and the shape of what it returns from its syntax tree. */
final class HookShape {
  private static final Set<String> FUNCTIONS = Set.of("arrow_function", "function_expression", "function",
      "function_declaration", "generator_function_declaration", "method_definition", "class_declaration",
      "function_type", "method_signature");
  private static final int MAX_RETURNED = 8;

  private HookShape() {}

  static List<Hook.Param> params(CodeFile f, TSNode fn) {
    List<Hook.Param> out = new ArrayList<>();
    if (!FUNCTIONS.contains(fn.getType())) {
      return out;
    }
    TSNode params = fn.getChildByFieldName("parameters");
    if (params == null || params.isNull()) {
      TSNode single = fn.getChildByFieldName("parameter");
      if (single != null && !single.isNull()) {
        out.add(new Hook.Param(f.text(single), "", false));
      }
      return out;
    }
    int index = 0;
    for (TSNode p : SourceTree.namedChildren(params)) {
      String t = p.getType();
      if (t.equals("comment")) {
        continue;
      }
      boolean optional = t.equals("optional_parameter");
      TSNode pattern = p;
      String type = "";
      if (t.equals("required_parameter") || t.equals("optional_parameter")) {
        pattern = p.getChildByFieldName("pattern");
        TSNode ann = p.getChildByFieldName("type");
        if (ann != null && !ann.isNull()) {
          type = f.text(ann).strip();
          type = type.startsWith(":") ? type.substring(1).strip() : type;
        }
        TSNode value = p.getChildByFieldName("value");
        optional |= value != null && !value.isNull();
      }
      if (pattern.getType().equals("assignment_pattern")) {
        pattern = pattern.getChildByFieldName("left");
        optional = true;
      }
      String name = switch (pattern.getType()) {
        case "identifier" -> f.text(pattern);
        case "rest_pattern" -> "rest";
        case "object_pattern" -> "options";
        case "array_pattern" -> "values";
        default -> "arg" + index;
      };
      if (name.equals("this")) {
        continue;
      }
      out.add(new Hook.Param(name, type, optional));
      index++;
    }
    return out;
  }

  static String shape(CodeFile f, TSNode fn) {
    TSNode r = returned(fn);
    if (r == null) {
      TSNode body = FUNCTIONS.contains(fn.getType()) ? fn.getChildByFieldName("body") : null;
      return body != null && !body.isNull() && body.getType().equals("statement_block") ? "none" : "value";
    }
    return switch (r.getType()) {
      case "array" -> "array";
      case "object" -> "object";
      default -> "value";
    };
  }

  static List<String> returned(CodeFile f, TSNode fn) {
    TSNode r = returned(fn);
    List<String> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    int i = 0;
    for (TSNode e : SourceTree.namedChildren(r)) {
      if (out.size() >= MAX_RETURNED) {
        break;
      }
      switch (e.getType()) {
        case "identifier", "shorthand_property_identifier" -> out.add(f.text(e));
        case "as_expression", "non_null_expression" -> {
          TSNode inner = e.getNamedChild(0);
          out.add(inner.getType().equals("identifier") ? f.text(inner) : "item" + i);
        }
        case "pair" -> {
          TSNode k = e.getChildByFieldName("key");
          if (k.getType().equals("property_identifier")) {
            out.add(f.text(k));
          }
        }
        case "method_definition" -> out.add(f.text(e.getChildByFieldName("name")));
        case "comment", "spread_element" -> { }
        default -> {
          if (r.getType().equals("array")) {
            out.add("item" + i);
          }
        }
      }
      i++;
    }
    return out;
  }

  /** The expression of the last return statement of the function itself (not of nested functions). */
  private static TSNode returned(TSNode fn) {
    if (!FUNCTIONS.contains(fn.getType())) {
      return null;
    }
    TSNode body = fn.getChildByFieldName("body");
    if (body == null || body.isNull()) {
      return null;
    }
    if (!body.getType().equals("statement_block")) {
      return unwrap(body);
    }
    TSNode[] last = new TSNode[1];
    SourceTree.walk(body, n -> {
      if (n.getType().equals("return_statement")) {
        if (n.getNamedChildCount() > 0) {
          last[0] = n.getNamedChild(0);
        }
        return false;
      }
      return !FUNCTIONS.contains(n.getType());
    });
    return last[0] == null ? null : unwrap(last[0]);
  }

  private static TSNode unwrap(TSNode e) {
    TSNode n = e;
    while (n.getType().equals("as_expression") || n.getType().equals("parenthesized_expression")
        || n.getType().equals("satisfies_expression")) {
      n = n.getNamedChild(0);
    }
    return n;
  }
}
