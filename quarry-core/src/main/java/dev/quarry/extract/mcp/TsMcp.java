package dev.quarry.extract.mcp;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * TypeScript/JavaScript MCP tools: {@code server.tool("name", "desc", schema, handler)},
 * {@code server.registerTool("name", {description, inputSchema}, handler)} under any receiver name, with
 * name and config given inline or as constants of the file; and tool declarations as object literals with
 * {@code name} and {@code inputSchema} (low-level list-tools handlers).
 */
final class TsMcp {
  private TsMcp() {}

  static List<Candidate<?>> tools(CodeFile f) {
    boolean sdk = f.jsImports().importsAny("@modelcontextprotocol/sdk")
        || f.jsImports().all().values().stream().anyMatch(b -> b.specifier().contains("modelcontextprotocol")
        || b.specifier().contains("mcp"));
    Map<String, TSNode> constants = constants(f);
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("call_expression")) {
        toolCall(f, n, constants, sdk).ifPresent(out::add);
      } else if (t.equals("object") && sdk) {
        declaration(f, n).ifPresent(out::add);
      }
      return true;
    });
    return out;
  }

  private static Map<String, TSNode> constants(CodeFile f) {
    Map<String, TSNode> out = new HashMap<>();
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("variable_declarator")) {
        TSNode name = n.getChildByFieldName("name");
        TSNode value = n.getChildByFieldName("value");
        if (name.getType().equals("identifier") && value != null && !value.isNull()) {
          out.putIfAbsent(f.text(name), n);
        }
        return false;
      }
      return t.equals("program") || t.equals("lexical_declaration") || t.equals("variable_declaration")
          || t.equals("export_statement");
    });
    return out;
  }

  private static Optional<Candidate<?>> toolCall(CodeFile f, TSNode call, Map<String, TSNode> constants,
      boolean sdk) {
    TSNode fn = call.getChildByFieldName("function");
    if (!fn.getType().equals("member_expression")) {
      return Optional.empty();
    }
    String verb = f.text(fn.getChildByFieldName("property"));
    if (!verb.equals("tool") && !verb.equals("registerTool")) {
      return Optional.empty();
    }
    String receiver = f.text(fn.getChildByFieldName("object")).toLowerCase(java.util.Locale.ROOT);
    if (!sdk && !receiver.contains("server") && !receiver.contains("mcp")) {
      return Optional.empty();
    }
    List<TSNode> args = SourceTree.namedChildren(call.getChildByFieldName("arguments"));
    if (args.size() < 2) {
      return Optional.empty();
    }
    List<String> context = new ArrayList<>();
    Optional<String> name = string(f, args.get(0), constants, context);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String description = "";
    TSNode schema = null;
    if (verb.equals("registerTool")) {
      TSNode config = resolve(f, args.get(1), constants, context);
      if (config != null && config.getType().equals("object")) {
        description = property(f, config, "description").flatMap(v -> string(f, v, constants, context)).orElse("");
        schema = property(f, config, "inputSchema").orElse(null);
      }
    } else {
      // tool(name, cb) | tool(name, description | schema, cb) | tool(name, description, schema, cb)
      // | tool(name, schema, annotations, cb) | tool(name, description, schema, annotations, cb)
      int middle = args.size() - 2;
      Optional<String> d = middle >= 1 ? string(f, args.get(1), constants, context) : Optional.empty();
      if (d.isPresent()) {
        description = d.get();
      }
      int schemaAt = d.isPresent() ? 2 : 1;
      if (schemaAt <= middle) {
        schema = args.get(schemaAt);
      }
    }
    TSNode resolvedSchema = schema == null ? null : resolve(f, schema, constants, context);
    List<McpTool.Argument> arguments = resolvedSchema == null ? List.of() : zodKeys(f, name.get(), resolvedSchema);
    TSNode stmt = call.getParent() != null && call.getParent().getType().equals("expression_statement")
        || call.getParent() != null && call.getParent().getType().equals("await_expression")
        ? statementOf(call) : call;
    String schemaText = resolvedSchema == null ? "" : f.text(resolvedSchema);
    return Optional.of(Candidate.of(name.get(), stmt, new McpTool(name.get(), description, "ts-tool",
        schemaText, arguments, String.join("\n\n", context))));
  }

  private static Optional<Candidate<?>> declaration(CodeFile f, TSNode obj) {
    Optional<TSNode> name = property(f, obj, "name");
    Optional<TSNode> schema = property(f, obj, "inputSchema");
    if (name.isEmpty() || schema.isEmpty() || !JsStrings.isLiteral(name.get())) {
      return Optional.empty();
    }
    String n = JsStrings.value(f, name.get());
    String description = property(f, obj, "description").filter(JsStrings::isLiteral)
        .map(v -> JsStrings.value(f, v)).orElse("");
    TSNode s = schema.get();
    List<McpTool.Argument> arguments = s.getType().equals("object")
        ? property(f, s, "properties").map(p -> zodKeys(f, n, p)).orElse(List.of()) : List.of();
    return Optional.of(Candidate.of(n, obj, new McpTool(n, description, "ts-definition", f.text(s), arguments,
        "")));
  }

  private static final java.util.regex.Pattern DESCRIBE =
      java.util.regex.Pattern.compile("\\.describe\\(\\s*([\"'`])(.*?)\\1\\s*\\)");
  private static final java.util.regex.Pattern DEFAULT = java.util.regex.Pattern.compile("\\.default\\(([^()]*)\\)");
  private static final java.util.regex.Pattern MIN = java.util.regex.Pattern.compile("\\.(?:min|gte)\\((-?[\\d.]+)\\)");

  /** The keys of an object literal (a zod shape or JSON schema properties) with a sample value each. */
  private static List<McpTool.Argument> zodKeys(CodeFile f, String tool, TSNode schema) {
    TSNode obj = schema;
    if (obj.getType().equals("call_expression")) {
      List<TSNode> a = SourceTree.namedChildren(obj.getChildByFieldName("arguments"));
      obj = a.isEmpty() ? obj : a.get(0);
    }
    List<McpTool.Argument> out = new ArrayList<>();
    if (!obj.getType().equals("object")) {
      return out;
    }
    for (TSNode p : SourceTree.namedChildren(obj)) {
      if (p.getType().equals("pair")) {
        String key = JsStrings.isLiteral(p.getChildByFieldName("key")) ? JsStrings.value(f, p.getChildByFieldName("key"))
            : f.text(p.getChildByFieldName("key"));
        out.add(zodArgument(tool, key, f.text(p.getChildByFieldName("value"))));
      } else if (p.getType().equals("shorthand_property_identifier")) {
        out.add(zodArgument(tool, f.text(p), ""));
      }
    }
    return out;
  }

  /**
   * One argument of a zod shape ({@code z.string().min(1).describe("...")}): its type is the leading
   * {@code z.<type>(...)} before any {@code .describe}, required unless {@code .optional()}, {@code .nullish()}
   * or {@code .default(...)}.
   */
  private static McpTool.Argument zodArgument(String tool, String key, String zod) {
    String flat = zod.replaceAll("\\s+", "");
    java.util.regex.Matcher d = DESCRIBE.matcher(zod);
    String description = d.find() ? d.group(2) : "";
    java.util.regex.Matcher df = DEFAULT.matcher(flat);
    String dflt = df.find() ? df.group(1) : "";
    java.util.regex.Matcher min = MIN.matcher(flat);
    String minimum = min.find() ? min.group(1) : "";
    String type = DESCRIBE.matcher(flat).replaceAll("");
    String enumFirst = flat.startsWith("z.enum(") || flat.startsWith("z.literal(") ? ArgumentValues.firstQuoted(flat)
        : "";
    if (type.contains(".uuid()")) {
      description = (description + " uuid").strip();
    }
    boolean required = !flat.contains(".optional()") && !flat.contains(".nullish()") && dflt.isEmpty();
    String jsonDefault = dflt.isEmpty() ? "" : ArgumentValues.json(dflt.replace('\'', '"'));
    var facts = new ArgumentValues.Facts(type, description, enumFirst, jsonDefault, minimum);
    return new McpTool.Argument(key, ArgumentValues.of(tool, key, facts), required, dflt);
  }

  static Optional<TSNode> property(CodeFile f, TSNode obj, String key) {
    for (TSNode p : SourceTree.namedChildren(obj)) {
      if (p.getType().equals("pair")) {
        TSNode k = p.getChildByFieldName("key");
        String ks = JsStrings.isLiteral(k) ? JsStrings.value(f, k) : f.text(k);
        if (ks.equals(key)) {
          return Optional.of(p.getChildByFieldName("value"));
        }
      }
    }
    return Optional.empty();
  }

  private static TSNode resolve(CodeFile f, TSNode n, Map<String, TSNode> constants, List<String> context) {
    if (n.getType().equals("identifier")) {
      TSNode decl = constants.get(f.text(n));
      if (decl != null) {
        TSNode stmt = decl.getParent();
        String text = f.snippet(stmt == null ? decl : stmt);
        if (!context.contains(text)) {
          context.add(text);
        }
        return decl.getChildByFieldName("value");
      }
    }
    return n;
  }

  /** The value of a string literal, a constant holding one, or a {@code +} concatenation of such. */
  private static Optional<String> string(CodeFile f, TSNode n, Map<String, TSNode> constants, List<String> ctx) {
    TSNode v = n.getType().equals("identifier") ? resolve(f, n, constants, ctx) : n;
    if (v.getType().equals("parenthesized_expression") && v.getNamedChildCount() == 1) {
      return string(f, v.getNamedChild(0), constants, ctx);
    }
    if (v.getType().equals("binary_expression")) {
      TSNode op = v.getChildByFieldName("operator");
      if (op != null && !op.isNull() && f.text(op).equals("+")) {
        Optional<String> left = string(f, v.getChildByFieldName("left"), constants, ctx);
        Optional<String> right = string(f, v.getChildByFieldName("right"), constants, ctx);
        return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
      }
    }
    return JsStrings.isLiteral(v) ? Optional.of(JsStrings.value(f, v)) : Optional.empty();
  }

  private static TSNode statementOf(TSNode n) {
    TSNode c = n;
    while (c.getParent() != null && !c.getParent().isNull() && !c.getType().equals("expression_statement")) {
      c = c.getParent();
    }
    return c;
  }
}
