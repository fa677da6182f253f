package dev.quarry.extract.mcp;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSNode;

/** MCP tool manifests in JSON: any object with a string {@code name} and an object {@code inputSchema}. */
final class JsonMcp {
  private JsonMcp() {}

  static List<Candidate<?>> tools(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("object")) {
        Optional<TSNode> name = member(f, n, "name");
        Optional<TSNode> schema = member(f, n, "inputSchema").or(() -> member(f, n, "input_schema"));
        if (name.isPresent() && schema.isPresent() && name.get().getType().equals("string")
            && schema.get().getType().equals("object")) {
          String tool = value(f, name.get());
          String description = member(f, n, "description").filter(d -> d.getType().equals("string"))
              .map(d -> value(f, d)).orElse("");
          List<McpTool.Argument> args = new ArrayList<>();
          java.util.Set<String> required = new java.util.HashSet<>();
          member(f, schema.get(), "required").filter(r -> r.getType().equals("array"))
              .ifPresent(r -> SourceTree.namedChildren(r).forEach(x -> required.add(value(f, x))));
          boolean anyRequired = member(f, schema.get(), "required").isPresent();
          member(f, schema.get(), "properties").filter(p -> p.getType().equals("object")).ifPresent(p -> {
            for (TSNode pair : SourceTree.namedChildren(p)) {
              if (pair.getType().equals("pair")) {
                String key = value(f, pair.getChildByFieldName("key"));
                TSNode v = pair.getChildByFieldName("value");
                boolean obj = v.getType().equals("object");
                String type = obj ? member(f, v, "type").map(t -> f.text(t)).orElse("") : "";
                String items = obj ? member(f, v, "items").map(t -> f.text(t)).orElse("") : "";
                String desc = obj ? member(f, v, "description").map(t -> value(f, t)).orElse("") : "";
                String enumFirst = obj ? member(f, v, "enum").filter(e -> e.getType().equals("array"))
                    .flatMap(e -> SourceTree.namedChildren(e).stream().findFirst()).map(f::text).orElse("") : "";
                String dflt = obj ? member(f, v, "default").map(f::text).orElse("") : "";
                String min = obj ? member(f, v, "minimum").map(f::text).orElse("") : "";
                String format = obj ? member(f, v, "format").map(t -> value(f, t)).orElse("") : "";
                var facts = new ArgumentValues.Facts(type + " " + items, (desc + " " + format).strip(), enumFirst,
                    dflt, min);
                boolean req = anyRequired ? required.contains(key) : dflt.isEmpty();
                args.add(new McpTool.Argument(key, ArgumentValues.of(tool, key, facts), req, dflt));
              }
            }
          });
          out.add(Candidate.of(tool, n, new McpTool(tool, description, "manifest", f.snippet(schema.get()),
              args, "")));
          return false;
        }
      }
      return true;
    });
    return out;
  }

  private static Optional<TSNode> member(CodeFile f, TSNode obj, String key) {
    for (TSNode p : SourceTree.namedChildren(obj)) {
      if (p.getType().equals("pair") && value(f, p.getChildByFieldName("key")).equals(key)) {
        return Optional.of(p.getChildByFieldName("value"));
      }
    }
    return Optional.empty();
  }

  private static String value(CodeFile f, TSNode s) {
    String t = f.text(s);
    return s.getType().equals("string") && t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
  }
}
