package dev.quarry.extract.goals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short code of goal-first answers, built from the surfaces' real signatures: a React component using a
 * hook (or the context's client), a service function calling the SDK method, a {@code tools/call} request.
 * Pure and deterministic.
 */
final class Snippets {
  private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");
  private static final Set<String> BUILT_IN = Set.of("Promise", "Record", "Array", "Partial", "Pick", "Omit",
      "Readonly", "Map", "Set", "Date", "Error", "AbortSignal", "React", "JSX");
  private static final Set<String> STATE = Set.of("error", "isLoading", "loading", "isStreaming", "status");

  private Snippets() {}

  static String react(Surface hook, Operation op) {
    String pkg = hook.detail("package");
    List<String> props = new ArrayList<>(hook.params());
    List<String> fields = hook.detailsOf("field").stream().map(f -> f.substring(0, f.indexOf(':'))).toList();
    String data = fields.stream().filter(f -> !STATE.contains(f)).findFirst().orElse("");
    String action = "";
    List<String> actionArgs = new ArrayList<>();
    for (String a : hook.detailsOf("action")) {
      String name = a.substring(0, a.indexOf(':'));
      String type = a.substring(a.indexOf(':') + 1).strip();
      int open = type.indexOf('(');
      int close = type.indexOf(')');
      if (open < 0 || close < open) {
        continue;
      }
      action = name;
      for (String p : type.substring(open + 1, close).split(",")) {
        if (!p.isBlank() && !p.contains("?")) {
          props.add(p.strip());
          actionArgs.add(p.strip().substring(0, p.strip().indexOf(':')).strip());
        }
      }
      break;
    }
    List<String> destructure = new ArrayList<>();
    if (!data.isEmpty()) {
      destructure.add(data);
    }
    fields.stream().filter(f -> f.equals("isLoading") || f.equals("error")).forEach(destructure::add);
    if (!action.isEmpty()) {
      destructure.add(action);
    }
    StringBuilder s = new StringBuilder();
    s.append("import { ").append(hook.name()).append(" } from \"").append(pkg).append("\";\n");
    typeImport(s, props, pkg);
    s.append('\n');
    s.append("export function ").append(pascal(op.operationId())).append("Panel(")
        .append(propsDecl(props)).append(") {\n");
    s.append("  const { ").append(String.join(", ", destructure)).append(" } = ").append(hook.name()).append('(')
        .append(String.join(", ", names(hook.params()))).append(");\n");
    if (fields.contains("error")) {
      s.append("  if (error) {\n    return <p role=\"alert\">{error.message}</p>;\n  }\n");
    }
    s.append("  return (\n    <section>\n");
    if (!action.isEmpty()) {
      s.append("      <button").append(fields.contains("isLoading") ? " disabled={isLoading}" : "")
          .append(" onClick={() => void ").append(action).append('(').append(String.join(", ", actionArgs))
          .append(")}>\n        Run\n      </button>\n");
    }
    if (!data.isEmpty()) {
      s.append("      <pre>{JSON.stringify(").append(data).append(", null, 2)}</pre>\n");
    }
    s.append("    </section>\n  );\n}");
    return s.toString();
  }

  static String reactClient(Surface sdk, Operation op) {
    String pkg = sdk.detail("package");
    String clientHook = sdk.detailName("client-hook");
    String type = unwrap(sdk.detail("returns"));
    List<String> props = new ArrayList<>(sdk.params());
    StringBuilder s = new StringBuilder();
    s.append("import { useState } from \"react\";\n");
    s.append("import { ").append(clientHook).append(" } from \"").append(pkg).append("\";\n");
    List<String> typed = new ArrayList<>(props);
    typed.add("x: " + type);
    typeImport(s, typed, pkg);
    s.append('\n');
    s.append("export function ").append(pascal(op.operationId())).append("Panel(").append(propsDecl(props))
        .append(") {\n");
    s.append("  const client = ").append(clientHook).append("();\n");
    s.append("  const [result, setResult] = useState<").append(type).append(" | null>(null);\n");
    s.append("  const [error, setError] = useState<Error | null>(null);\n\n");
    s.append("  const run = async () => {\n    setError(null);\n    try {\n      setResult(await client.")
        .append(sdk.name()).append('(').append(String.join(", ", names(props))).append("));\n")
        .append("    } catch (err) {\n      setError(err instanceof Error ? err : new Error(String(err)));\n")
        .append("    }\n  };\n\n");
    s.append("  return (\n    <section>\n      <button onClick={() => void run()}>Run</button>\n")
        .append("      {error && <p role=\"alert\">{error.message}</p>}\n")
        .append("      <pre>{JSON.stringify(result, null, 2)}</pre>\n    </section>\n  );\n}");
    return s.toString();
  }

  static String service(Surface sdk, Operation op, String envPrefix) {
    String pkg = sdk.detail("package");
    String cls = sdk.detail("class");
    String error = sdk.detail("error");
    String returns = sdk.detail("returns");
    StringBuilder s = new StringBuilder();
    s.append("import { ").append(error.isEmpty() ? cls : String.join(", ", new TreeSet<>(List.of(error, cls))))
        .append(" } from \"").append(pkg).append("\";\n");
    List<String> typed = new ArrayList<>(sdk.params());
    typed.add("x: " + returns);
    typeImport(s, typed, pkg);
    s.append('\n');
    List<String> options = sdk.detailsOf("option");
    s.append("const client = new ").append(cls).append("({");
    List<String> init = new ArrayList<>();
    for (String o : options) {
      String lower = o.toLowerCase(Locale.ROOT);
      if (lower.contains("url")) {
        init.add("\n  " + o + ": process.env." + envPrefix + "_API_URL ?? \"" + op.server() + "\"");
      } else if (lower.contains("key")) {
        init.add("\n  " + o + ": process.env." + envPrefix + "_API_KEY");
      }
    }
    s.append(String.join(",", init)).append(init.isEmpty() ? "" : ",\n").append("});\n\n");
    s.append("export async function ").append(sdk.name()).append("OrExplain(").append(String.join(", ", sdk.params()))
        .append(")").append(returns.isEmpty() ? "" : ": " + returns).append(" {\n");
    s.append("  try {\n    return await client.").append(sdk.name()).append('(')
        .append(String.join(", ", names(sdk.params()))).append(");\n  } catch (err) {\n");
    if (!error.isEmpty()) {
      s.append("    if (err instanceof ").append(error).append(") {\n")
          .append("      console.error(`").append(op.operationId())
          .append(" failed with ${err.status}: ${err.message}`);\n    }\n");
    }
    s.append("    throw err;\n  }\n}");
    return s.toString();
  }

  static String toolCall(Surface tool) {
    StringBuilder args = new StringBuilder("{");
    List<String> required = tool.detailsOf("arg");
    for (int i = 0; i < required.size(); i++) {
      args.append(i == 0 ? "" : ", ").append('"').append(required.get(i)).append("\": \"")
          .append(sample(required.get(i))).append('"');
    }
    args.append('}');
    return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\",\n \"params\": {\"name\": \"" + tool.name()
        + "\", \"arguments\": " + args + "}}";
  }

  /** A plausible string value for an argument called {@code name}. */
  static String sample(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith("_id") || n.endsWith("id") && n.length() > 2) {
      return n.replaceAll("_?id$", "").replace('_', '-') + "-1";
    }
    if (n.contains("query") || n.contains("question")) {
      return "How do I rotate an API key?";
    }
    if (n.contains("goal") || n.contains("task")) {
      return "Summarize last week's incident reports";
    }
    return "example " + n.replace('_', ' ');
  }

  private static void typeImport(StringBuilder s, List<String> params, String pkg) {
    Set<String> types = new TreeSet<>();
    for (String p : params) {
      Matcher m = TYPE_NAME.matcher(p.substring(p.indexOf(':') + 1));
      while (m.find()) {
        if (!BUILT_IN.contains(m.group())) {
          types.add(m.group());
        }
      }
    }
    if (!types.isEmpty()) {
      s.append("import type { ").append(String.join(", ", types)).append(" } from \"").append(pkg).append("\";\n");
    }
  }

  private static String propsDecl(List<String> props) {
    if (props.isEmpty()) {
      return "";
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>();
    for (String p : props) {
      if (seen.add(p.substring(0, p.indexOf(':')).strip())) {
        kept.add(p.strip());
      }
    }
    return "{ " + String.join(", ", names(kept)) + " }: { " + String.join("; ", kept) + " }";
  }

  private static List<String> names(List<String> params) {
    return params.stream().map(p -> p.substring(0, p.indexOf(':')).strip()).distinct().toList();
  }

  private static String unwrap(String type) {
    Matcher m = Pattern.compile("^Promise<(.+)>$").matcher(type.strip());
    return m.find() ? m.group(1) : type.isEmpty() ? "unknown" : type;
  }

  static String pascal(String id) {
    return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}
