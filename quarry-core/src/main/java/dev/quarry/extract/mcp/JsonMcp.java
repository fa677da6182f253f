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
          member(f, schema.get(), "properties").filter(p -> p.getType().equals("object")).ifPresent(p -> {
            for (TSNode pair : SourceTree.namedChildren(p)) {
              if (pair.getType().equals("pair")) {
                String key = value(f, pair.getChildByFieldName("key"));
                TSNode v = pair.getChildByFieldName("value");
                String type = v.getType().equals("object")
                    ? member(f, v, "type").map(t -> value(f, t)).orElse("") : "";
                args.add(new McpTool.Argument(key, Placeholders.forType(key, type)));
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
