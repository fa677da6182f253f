package dev.quarry.extract.mcp;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.PyStrings;
import dev.quarry.extract.code.PyValues;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * Python MCP tools: functions decorated {@code @<any>.tool}, {@code @<any>.tool()} or
 * {@code @<any>.tool(name=...)} (FastMCP under any instance name), and low-level {@code Tool(name=...,
 * inputSchema=...)} declarations.
 */
final class PythonMcp {
  private PythonMcp() {}

  static List<Candidate<?>> tools(CodeFile f, Modules modules) {
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("decorated_definition")) {
        decorated(f, n, out);
      } else if (t.equals("call")) {
        declaration(f, n, modules).ifPresent(out::add);
      }
      return !t.equals("string") && !t.equals("comment");
    });
    return out;
  }

  private static void decorated(CodeFile f, TSNode dd, List<Candidate<?>> out) {
    TSNode def = dd.getChildByFieldName("definition");
    if (!def.getType().equals("function_definition")) {
      return;
    }
    for (TSNode dec : SourceTree.namedChildren(dd)) {
      if (!dec.getType().equals("decorator") || dec.getNamedChildCount() == 0) {
        continue;
      }
      TSNode e = dec.getNamedChild(0);
      TSNode args = null;
      if (e.getType().equals("call")) {
        args = e.getChildByFieldName("arguments");
        e = e.getChildByFieldName("function");
      }
      if (!e.getType().equals("attribute") || !f.text(e.getChildByFieldName("attribute")).equals("tool")) {
        continue;
      }
      String fn = f.text(def.getChildByFieldName("name"));
      TSNode a = args;
      String name = a == null ? fn : PyValues.kwarg(a, "name", f).flatMap(v -> PyStrings.value(f, v))
          .or(() -> PyValues.positional(a, 0).flatMap(v -> PyStrings.value(f, v))).orElse(fn);
      String description = (a == null ? Optional.<String>empty()
          : PyValues.kwarg(a, "description", f).flatMap(v -> PyStrings.value(f, v)))
          .or(() -> PyStrings.docstring(f, def)).orElse("");
      TSNode params = def.getChildByFieldName("parameters");
      List<McpTool.Argument> arguments = new ArrayList<>();
      for (TSNode p : SourceTree.namedChildren(params)) {
        String pname;
        String ptype = "";
        String dflt = "";
        switch (p.getType()) {
          case "identifier" -> pname = f.text(p);
          case "typed_parameter", "typed_default_parameter" -> {
            TSNode id = p.getType().equals("typed_parameter") ? p.getNamedChild(0) : p.getChildByFieldName("name");
            pname = f.text(id);
            TSNode type = p.getChildByFieldName("type");
            ptype = type == null || type.isNull() ? "" : f.text(type);
            TSNode value = p.getChildByFieldName("value");
            dflt = value == null || value.isNull() ? "" : f.text(value);
          }
          case "default_parameter" -> {
            pname = f.text(p.getChildByFieldName("name"));
            dflt = f.text(p.getChildByFieldName("value"));
          }
          default -> pname = "";
        }
        if (pname.isEmpty() || pname.equals("self") || pname.equals("ctx") || ptype.endsWith("Context")
            || ptype.startsWith("Context")) {
          continue;
        }
        arguments.add(pythonArgument(name, pname, ptype, dflt));
      }
      out.add(Candidate.of(name, dd, new McpTool(name, description, "python-decorator", f.text(params),
          arguments, "")));
      return;
    }
  }

  private static Optional<Candidate<?>> declaration(CodeFile f, TSNode call, Modules modules) {
    TSNode fn = call.getChildByFieldName("function");
    String callee = f.text(fn);
    if (!(callee.equals("Tool") || callee.endsWith(".Tool"))) {
      return Optional.empty();
    }
    TSNode args = call.getChildByFieldName("arguments");
    if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return Optional.empty();
    }
    Optional<TSNode> nameNode = PyValues.kwarg(args, "name", f);
    Optional<TSNode> schema = PyValues.kwarg(args, "inputSchema", f).or(() -> PyValues.kwarg(args, "input_schema", f));
    if (nameNode.isEmpty() || schema.isEmpty()) {
      return Optional.empty();
    }
    String name = PyValues.string(f, nameNode.get(), modules);
    String description = PyValues.kwarg(args, "description", f).flatMap(v -> PyStrings.value(f, v)).orElse("");
    List<McpTool.Argument> arguments = schema.get().getType().equals("dictionary")
        ? dictFields(f, name, schema.get()) : modelFields(f, schema.get());
    String context = modelClass(f, schema.get()).map(c -> f.snippet(c)).orElse("");
    return Optional.of(Candidate.of(name, call, new McpTool(name, description, "python-definition",
        f.text(schema.get()), arguments, context)));
  }

  /**
   * An argument of a Python tool from its annotation and default: {@code Literal[...]} gives its first value,
   * {@code Field(description=...)} its description; required when it has no default.
   */
  private static McpTool.Argument pythonArgument(String tool, String name, String type, String dflt) {
    String enumFirst = type.contains("Literal[") ? ArgumentValues.firstQuoted(type.substring(type.indexOf("Literal[")))
        : "";
    java.util.regex.Matcher d = java.util.regex.Pattern.compile("description\\s*=\\s*[\"']([^\"']*)").matcher(type);
    String description = d.find() ? d.group(1) : "";
    String jsonDefault = dflt.equals("True") ? "true" : dflt.equals("False") ? "false" : dflt;
    var facts = new ArgumentValues.Facts(type, description, enumFirst, jsonDefault, "");
    return new McpTool.Argument(name, ArgumentValues.of(tool, name, facts), dflt.isEmpty(), dflt);
  }

  private static String cls(CodeFile f, TSNode schema) {
    return modelClass(f, schema).map(c -> f.text(c.getChildByFieldName("name"))).orElse("");
  }

  /** For {@code Model.model_json_schema()}, the class {@code Model} of this file. */
  private static Optional<TSNode> modelClass(CodeFile f, TSNode schema) {
    if (!schema.getType().equals("call")) {
      return Optional.empty();
    }
    TSNode fn = schema.getChildByFieldName("function");
    if (!fn.getType().equals("attribute")) {
      return Optional.empty();
    }
    String cls = f.text(fn.getChildByFieldName("object"));
    for (TSNode s : SourceTree.namedChildren(f.root())) {
      TSNode d = s.getType().equals("decorated_definition") ? s.getChildByFieldName("definition") : s;
      if (d.getType().equals("class_definition") && f.text(d.getChildByFieldName("name")).equals(cls)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * The arguments of a literal JSON Schema dict, {@code {"type": "object", "properties": {"city": {"type":
   * "string", "description": ...}}, "required": ["city"]}}: type, description, first enum value and default of
   * each property; required as listed.
   */
  private static List<McpTool.Argument> dictFields(CodeFile f, String tool, TSNode schema) {
    List<McpTool.Argument> out = new ArrayList<>();
    Optional<TSNode> props = dictValue(f, schema, "properties").filter(p -> p.getType().equals("dictionary"));
    if (props.isEmpty()) {
      return out;
    }
    java.util.Set<String> required = new java.util.HashSet<>();
    dictValue(f, schema, "required").ifPresent(r -> SourceTree.namedChildren(r)
        .forEach(x -> PyStrings.value(f, x).ifPresent(required::add)));
    for (TSNode pair : SourceTree.namedChildren(props.get())) {
      if (!pair.getType().equals("pair")) {
        continue;
      }
      Optional<String> name = PyStrings.value(f, pair.getChildByFieldName("key"));
      TSNode spec = pair.getChildByFieldName("value");
      if (name.isEmpty()) {
        continue;
      }
      String type = dictValue(f, spec, "type").map(t -> PyStrings.value(f, t).orElse(f.text(t))).orElse("");
      String description = dictValue(f, spec, "description").flatMap(d -> PyStrings.value(f, d)).orElse("");
      String enumFirst = dictValue(f, spec, "enum").filter(e -> e.getNamedChildCount() > 0)
          .map(e -> PyStrings.value(f, e.getNamedChild(0)).orElse(f.text(e.getNamedChild(0)))).orElse("");
      String dflt = dictValue(f, spec, "default").map(d -> PyStrings.value(f, d).map(ArgumentValues::json)
          .orElse(f.text(d).equals("True") ? "true" : f.text(d).equals("False") ? "false" : f.text(d))).orElse("");
      String minimum = dictValue(f, spec, "minimum").map(f::text).orElse("");
      var facts = new ArgumentValues.Facts(type, description, enumFirst, dflt, minimum);
      out.add(new McpTool.Argument(name.get(), ArgumentValues.of(tool, name.get(), facts),
          required.contains(name.get()), dflt));
    }
    return out;
  }

  /** The value of string key {@code key} in a dict literal. */
  private static Optional<TSNode> dictValue(CodeFile f, TSNode dict, String key) {
    if (dict == null || dict.isNull() || !dict.getType().equals("dictionary")) {
      return Optional.empty();
    }
    for (TSNode pair : SourceTree.namedChildren(dict)) {
      if (pair.getType().equals("pair") && PyStrings.value(f, pair.getChildByFieldName("key"))
          .filter(key::equals).isPresent()) {
        return Optional.of(pair.getChildByFieldName("value"));
      }
    }
    return Optional.empty();
  }

  private static List<McpTool.Argument> modelFields(CodeFile f, TSNode schema) {
    List<McpTool.Argument> out = new ArrayList<>();
    modelClass(f, schema).ifPresent(cls -> {
      for (TSNode s : SourceTree.namedChildren(cls.getChildByFieldName("body"))) {
        if (s.getType().equals("expression_statement") && s.getNamedChildCount() == 1
            && s.getNamedChild(0).getType().equals("assignment")) {
          TSNode a = s.getNamedChild(0);
          TSNode type = a.getChildByFieldName("type");
          TSNode left = a.getChildByFieldName("left");
          if (type != null && !type.isNull() && left.getType().equals("identifier")) {
            TSNode right = a.getChildByFieldName("right");
            String r = right == null || right.isNull() ? "" : f.text(right);
            boolean required = r.isEmpty() || r.startsWith("Field(") && !r.contains("default");
            out.add(pythonArgument(cls(f, schema), f.text(left), f.text(type) + (required ? "" : " " + r),
                required ? "" : r));
          }
        }
      }
    });
    return out;
  }
}
