package dev.quarry.extract.mcp;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.CodeRun;
import dev.quarry.extract.code.Draft;
import dev.quarry.extract.code.Phrasing;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * MCP tools: Python FastMCP decorators and low-level {@code Tool(...)} declarations, TypeScript
 * {@code tool(...)}/{@code registerTool(...)} calls and tool objects, JSON manifests. Tools implemented in the
 * code give "implement this tool" examples answered with the code as written; declared-only tools (low-level
 * declarations, manifests) give "how do I call it" examples answered with the declaration and a
 * {@code tools/call} request built from the input schema.
 */
public final class McpExtractor extends CodeExtractor {
  @Override
  public String id() {
    return "mcp";
  }

  @Override
  public String defaultCategory() {
    return "mcp-tools";
  }

  @Override
  protected List<String> defaultPaths() {
    return List.of("**/*.{py,ts,tsx,js,mjs,cjs,mts,json}");
  }

  @Override
  protected List<String> defaultExclude() {
    List<String> out = new ArrayList<>(TEST_FILES);
    out.addAll(List.of("**/package.json", "**/package-lock.json", "**/tsconfig*.json", "**/*.lock.json"));
    return out;
  }

  @Override
  protected Set<Grammar> grammars() {
    return Set.of(Grammar.PYTHON, Grammar.TYPESCRIPT, Grammar.TSX, Grammar.JAVASCRIPT, Grammar.JSON);
  }

  @Override
  protected int defaultMinLines() {
    return 1;
  }

  @Override
  protected List<Candidate<?>> candidates(CodeFile file, CodeRun run) {
    return switch (file.grammar()) {
      case PYTHON -> PythonMcp.tools(file, run.modules());
      case TYPESCRIPT, TSX, JAVASCRIPT -> TsMcp.tools(file);
      case JSON -> JsonMcp.tools(file);
      default -> List.of();
    };
  }

  @Override
  protected Optional<Draft> draft(CodeFile file, Candidate<?> c, CodeRun run) {
    McpTool t = (McpTool) c.data();
    String key = file.path() + "#" + t.name() + "#" + c.first().getStartByte();
    Map<String, String> v = new TreeMap<>();
    v.put("name", t.name());
    v.put("about", t.description().isEmpty() ? "" : " (" + firstSentence(t.description()) + ")");
    // A Python tool without parameters shows its list as "()": say so instead of fencing an empty list.
    boolean noInputs = t.schema().isBlank() || t.schema().strip().equals("()");
    v.put("schema", noInputs ? "(no inputs)" : Snippet.fence(schemaLabel(file, t), t.schema()));
    String code = Snippet.of(file.tree(), c.first(), c.last());
    String user;
    StringBuilder a = new StringBuilder();
    if (t.implemented()) {
      user = run.templates().get("implement").fill(key, v);
      a.append(t.context().isEmpty() ? "" : Snippet.fence(file.fenceLabel(), t.context()) + "\n\n");
      a.append(Snippet.fence(file.fenceLabel(), code));
      a.append("\n\nClients call it with a `tools/call` request:\n\n").append(Snippet.fence("json", call(t)))
          .append(optional(t));
    } else {
      user = run.templates().get("call").fill(key, v);
      a.append(t.description().isEmpty() ? "" : "`" + t.name() + "`: " + t.description() + "\n\n");
      a.append("It is declared in `").append(file.path()).append("`:\n\n")
          .append(Snippet.fence(file.fenceLabel(), code));
      if (!t.context().isEmpty()) {
        a.append("\n\nIts input model:\n\n").append(Snippet.fence(file.fenceLabel(), t.context()));
      }
      a.append("\n\nA call sends the arguments under `params.arguments`:\n\n").append(Snippet.fence("json", call(t)))
          .append(optional(t));
    }
    return Optional.of(new Draft(user, a.toString(), file.grammar() == Grammar.JSON ? "json" : file.language(),
        List.of("mcp", t.kind()), Map.of("mcp_tool", t.name(), "mcp_kind", t.kind())));
  }

  private static String schemaLabel(CodeFile file, McpTool t) {
    return t.kind().equals("python-decorator") ? "python" : file.fenceLabel();
  }

  /**
   * A {@code tools/call} request giving every required argument a realistic value; when the schema marks none
   * required, every argument is given so the call still shows their shape.
   */
  private static String call(McpTool t) {
    List<McpTool.Argument> given = t.arguments().stream().filter(McpTool.Argument::required).toList();
    if (given.isEmpty()) {
      given = t.arguments();
    }
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < given.size(); i++) {
      McpTool.Argument arg = given.get(i);
      args.append(i == 0 ? "\n" : ",\n").append("      \"").append(arg.name().replace("\"", "\\\""))
          .append("\": ").append(arg.value());
    }
    String argText = given.isEmpty() ? "{}" : "{" + args + "\n    }";
    return "{\n  \"jsonrpc\": \"2.0\",\n  \"id\": 1,\n  \"method\": \"tools/call\",\n  \"params\": {\n"
        + "    \"name\": \"" + t.name().replace("\"", "\\\"") + "\",\n    \"arguments\": " + argText + "\n  }\n}";
  }

  /** A sentence naming the optional arguments the call left out, with their defaults; "" when none. */
  private static String optional(McpTool t) {
    if (t.arguments().stream().noneMatch(McpTool.Argument::required)) {
      return "";
    }
    List<String> left = new ArrayList<>();
    for (McpTool.Argument a : t.arguments()) {
      if (!a.required()) {
        left.add(a.defaultValue().isEmpty() || a.defaultValue().equals("None") || a.defaultValue().equals("null")
            ? "`" + a.name() + "`" : "`" + a.name() + "` (default `" + a.defaultValue() + "`)");
      }
    }
    if (left.isEmpty()) {
      return "";
    }
    return "\n\n" + ArgumentValues.list(left) + (left.size() == 1 ? " is" : " are") + " optional.";
  }

  private static String firstSentence(String s) {
    String one = s.strip().split("\n", 2)[0].strip();
    return one.endsWith(".") ? one.substring(0, one.length() - 1) : one;
  }
}
