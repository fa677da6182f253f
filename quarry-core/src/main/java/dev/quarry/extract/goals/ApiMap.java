package dev.quarry.extract.goals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.explain.Knowledge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API map of a repository: every operation of its OpenAPI specs joined with the route handler that declares
 * its operation id, the SDK method of the same name (or whose doc comment names its route), the hook that calls
 * that method (the one calling the fewest other methods), and the MCP tool whose last API call it is (by path
 * or SDK method). Joins are exact (an operation id, a route, a call), never a name resemblance. Built once;
 * immutable; entries in spec and path order.
 */
public final class ApiMap {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static final Pattern PY_DEF = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
  private static final Pattern HOOK = Pattern.compile("^export\\s+function\\s+(use[A-Z]\\w*)\\s*\\(");
  private static final Pattern PROVIDER = Pattern.compile("^export\\s+function\\s+(\\w+Provider)\\s*\\(");
  private static final Pattern CLIENT_HOOK = Pattern.compile("^export\\s+function\\s+(use\\w*Client)\\s*\\(");
  private static final Pattern CALL = Pattern.compile("\\.(\\w+)\\s*\\(");
  private static final Pattern PATH_LITERAL = Pattern.compile("[\"'`](/[\\w/{}$.-]*)");
  private static final Pattern PY_TOOL = Pattern.compile("^@\\w+\\.tool\\b");
  private static final Pattern TS_TOOL = Pattern.compile("\\.(?:tool|registerTool)\\(\\s*$|\\.(?:tool|registerTool)\\(\\s*[\"'](\\w+)[\"']");
  private static final Pattern FIELD = Pattern.compile("^\\s+(?:readonly\\s+)?(\\w+)(\\??):\\s*(.+?);?\\s*$");

  private final List<ApiEntry> entries;

  private ApiMap(List<ApiEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The joined operations, in spec and path order. */
  public List<ApiEntry> entries() {
    return entries;
  }

  /** Builds the map of {@code repo} from the spec files {@code specs}. Unreadable files are left out. */
  public static ApiMap of(Repository repo, List<RepoFile> specs) {
    Map<String, List<String>> code = new TreeMap<>();
    Map<String, String> packages = new TreeMap<>();
    for (RepoFile f : repo.files()) {
      String ext = f.extension();
      try {
        if (f.name().equals("package.json")) {
          JsonNode pkg = new ObjectMapper().readTree(repo.read(f));
          String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/') + 1) : "";
          packages.put(dir, pkg.path("name").asText(""));
        } else if (List.of("py", "ts", "tsx", "js", "json").contains(ext) && !Knowledge.isTestPath(f.path())
            && f.size() < 256 * 1024) {
          code.put(f.path(), repo.read(f).lines().toList());
        }
      } catch (IOException e) {
        // an unreadable file joins nothing; the extractors that own it report it
      }
    }
    List<Operation> ops = new ArrayList<>();
    for (RepoFile spec : specs) {
      try {
        ops.addAll(operations(spec.path(), repo.read(spec)));
      } catch (IOException e) {
        // a spec that does not parse has no operations; the openapi extractor reports it
      }
    }
    List<Surface> tools = tools(code, ops);
    List<ApiEntry> out = new ArrayList<>();
    for (Operation op : ops) {
      Optional<Surface> sdk = sdkMethod(code, packages, op);
      Optional<Surface> hook = sdk.flatMap(s -> hook(code, packages, s, ops));
      Optional<Surface> tool = tools.stream().filter(t -> t.detail("operation").equals(op.operationId())).findFirst();
      out.add(new ApiEntry(op, handler(code, op), sdk, hook, tool));
    }
    return new ApiMap(out);
  }

  static List<Operation> operations(String path, String text) throws IOException {
    boolean json = path.endsWith(".json");
    JsonNode doc = (json ? new ObjectMapper() : new YAMLMapper()).readTree(text);
    List<Operation> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    String server = "";
    for (JsonNode srv : doc.path("servers")) {
      String url = srv.path("url").asText("");
      if (server.isEmpty() || url.contains("localhost") && !server.contains("localhost")) {
        server = url;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      for (String m : METHODS) {
        JsonNode op = p.getValue().path(m);
        String id = op.path("operationId").asText("");
        if (id.isEmpty()) {
          continue;
        }
        Map<String, String> responses = new LinkedHashMap<>();
        op.path("responses").fields().forEachRemaining(r -> responses.put(r.getKey(), description(doc, r.getValue())));
        boolean isPublic = op.has("security") && op.path("security").isArray() && op.path("security").isEmpty();
        out.add(new Operation(m.toUpperCase(Locale.ROOT), p.getKey(), id, op.path("summary").asText(""), isPublic,
            responses, path, lineOf(lines, id), server));
      }
    }
    return out;
  }

  private static String description(JsonNode doc, JsonNode response) {
    JsonNode r = response;
    String ref = response.path("$ref").asText("");
    if (ref.startsWith("#/")) {
      r = doc.at(ref.substring(1));
    }
    return r.path("description").asText("").strip();
  }

  private static int lineOf(List<String> lines, String id) {
    Pattern p = Pattern.compile("operationId\"?\\s*:\\s*[\"']?" + Pattern.quote(id) + "\\b");
    for (int i = 0; i < lines.size(); i++) {
      if (p.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 1;
  }

  private static Optional<Surface> handler(Map<String, List<String>> code, Operation op) {
    Pattern decl = Pattern.compile("operation_id\\s*=\\s*[\"']" + Pattern.quote(op.operationId()) + "[\"']");
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      List<String> lines = f.getValue();
      for (int i = 0; i < lines.size(); i++) {
        if (!decl.matcher(lines.get(i)).find()) {
          continue;
        }
        int start = i;
        while (start > 0 && !lines.get(start).stripLeading().startsWith("@")) {
          start--;
        }
        for (int j = i; j < lines.size(); j++) {
          Matcher d = PY_DEF.matcher(lines.get(j));
          if (d.find()) {
            String block = String.join("\n", lines.subList(start, j + 1));
            List<String> details = new ArrayList<>();
            Matcher scope = Pattern.compile("scope\\(\\s*[\"']([^\"']+)[\"']").matcher(block);
            if (scope.find()) {
              details.add("scope=" + scope.group(1));
            }
            Matcher errors = Pattern.compile("(\\w*error\\w*)\\(([\\d,\\s]+)\\)").matcher(block);
            if (errors.find()) {
              details.add("errors-helper=" + errors.group(1));
            }
            return Optional.of(new Surface(Surface.Kind.HANDLER, d.group(2), f.getKey(), j + 1, List.of(), details));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Surface> sdkMethod(Map<String, List<String>> code, Map<String, String> packages,
      Operation op) {
    Pattern def = Pattern.compile("^\\s+(?:async\\s+)?" + Pattern.quote(op.operationId()) + "\\s*\\(");
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      if (!f.getKey().endsWith(".ts") && !f.getKey().endsWith(".js")) {
        continue;
      }
      List<String> lines = f.getValue();
      String owner = null;
      String error = "";
      for (int i = 0; i < lines.size(); i++) {
        Matcher c = Pattern.compile("^export\\s+class\\s+(\\w+)(\\s+extends\\s+Error)?").matcher(lines.get(i));
        if (c.find()) {
          owner = c.group(2) == null ? c.group(1) : owner;
          if (c.group(2) != null && error.isEmpty() && String.join("\n", lines).contains("status")) {
            error = c.group(1);
          }
        }
        if (owner != null && def.matcher(lines.get(i)).find()) {
          Signature s = Signature.at(lines, i);
          List<String> details = new ArrayList<>(List.of("class=" + owner, "returns=" + s.returns(),
              "package=" + packageOf(packages, f.getKey())));
          exported(code, f.getKey(), CLIENT_HOOK).ifPresent(h -> details.add("client-hook=" + h));
          constructorOptions(lines, owner).forEach(o -> details.add("option=" + o));
          exported(code, f.getKey(), PROVIDER).ifPresent(p -> details.add("provider=" + p));
          if (!error.isEmpty()) {
            details.add("error=" + error);
          }
          return Optional.of(new Surface(Surface.Kind.SDK_METHOD, op.operationId(), f.getKey(), i + 1,
              s.required(), details));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Surface> hook(Map<String, List<String>> code, Map<String, String> packages, Surface sdk,
      List<Operation> ops) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    ops.forEach(o -> ids.add(o.operationId()));
    Surface best = null;
    int bestCalls = Integer.MAX_VALUE;
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      List<String> lines = f.getValue();
      for (int i = 0; i < lines.size(); i++) {
        Matcher h = HOOK.matcher(lines.get(i));
        if (!h.find()) {
          continue;
        }
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).startsWith("}")) {
          end++;
        }
        String body = String.join("\n", lines.subList(i, Math.min(end + 1, lines.size())));
        List<String> calls = new ArrayList<>();
        Matcher c = CALL.matcher(body);
        while (c.find()) {
          if (!calls.contains(c.group(1))) {
            calls.add(c.group(1));
          }
        }
        if (!calls.contains(sdk.name())) {
          continue;
        }
        long platformCalls = calls.stream().filter(ids::contains).count();
        if (best == null || platformCalls < bestCalls) {
          Signature s = Signature.at(lines, i);
          List<String> details = new ArrayList<>(List.of("package=" + packageOf(packages, f.getKey()),
              "returns=" + s.returns()));
          details.addAll(resultFields(lines, s.returns()));
          exported(code, f.getKey(), PROVIDER).ifPresent(p -> details.add("provider=" + p));
          best = new Surface(Surface.Kind.HOOK, h.group(1), f.getKey(), i + 1, s.required(), details);
          bestCalls = (int) platformCalls;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The required option names of {@code owner}'s constructor parameter type, plus an optional {@code apiKey}. */
  private static List<String> constructorOptions(List<String> lines, String owner) {
    Pattern ctor = Pattern.compile("^\\s+constructor\\(\\s*\\w+\\s*:\\s*(\\w+)");
    Pattern cls = Pattern.compile("^export\\s+class\\s+" + Pattern.quote(owner) + "\\b");
    boolean inside = false;
    for (String l : lines) {
      inside |= cls.matcher(l).find();
      Matcher m = ctor.matcher(l);
      if (!inside) {
        continue;
      }
      if (m.find()) {
        List<String> out = new ArrayList<>();
        for (String f : interfaceFields(lines, m.group(1), true)) {
          String name = f.substring(0, f.indexOf(':'));
          if (!name.endsWith("?") || name.equals("apiKey?")) {
            out.add(name.replace("?", ""));
          }
        }
        return out;
      }
    }
    return List.of();
  }

  private static List<String> resultFields(List<String> lines, String type) {
    List<String> out = new ArrayList<>();
    for (String f : interfaceFields(lines, type, false)) {
      int colon = f.indexOf(':');
      out.add((f.substring(colon).contains("=>") ? "action=" : "field=") + f);
    }
    return out;
  }

  /** {@code name: type} of each field of interface {@code type} in {@code lines}; optional ones when asked. */
  private static List<String> interfaceFields(List<String> lines, String type, boolean optional) {
    List<String> out = new ArrayList<>();
    Pattern start = Pattern.compile("^export\\s+interface\\s+" + Pattern.quote(type) + "\\b");
    for (int i = 0; i < lines.size(); i++) {
      if (!start.matcher(lines.get(i)).find()) {
        continue;
      }
      for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("}"); j++) {
        Matcher m = FIELD.matcher(lines.get(j));
        if (m.find() && (optional || m.group(2).isEmpty())) {
          out.add(m.group(1) + m.group(2) + ": " + m.group(3));
        }
      }
    }
    return out;
  }

  /**
   * The first function matching {@code declaration} in the package (the {@code src} tree) of {@code near}, as
   * {@code name@path:line}.
   */
  static Optional<String> exported(Map<String, List<String>> code, String near, Pattern declaration) {
    String root = near.contains("/src/") ? near.substring(0, near.indexOf("/src/")) : "";
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      if (!f.getKey().startsWith(root)) {
        continue;
      }
      List<String> lines = f.getValue();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = declaration.matcher(lines.get(i));
        if (m.find()) {
          return Optional.of(m.group(1) + "@" + f.getKey() + ":" + (i + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static String packageOf(Map<String, String> packages, String path) {
    String best = "";
    String name = "";
    for (Map.Entry<String, String> p : packages.entrySet()) {
      if (path.startsWith(p.getKey()) && p.getKey().length() >= best.length() && !p.getValue().isEmpty()) {
        best = p.getKey();
        name = p.getValue();
      }
    }
    return name;
  }

  private static List<Surface> tools(Map<String, List<String>> code, List<Operation> ops) {
    Map<String, List<String>> required = manifestArguments(code);
    List<Surface> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      List<String> lines = f.getValue();
      List<int[]> starts = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (f.getKey().endsWith(".py") && PY_TOOL.matcher(lines.get(i)).find()) {
          for (int j = i; j < lines.size(); j++) {
            Matcher d = PY_DEF.matcher(lines.get(j));
            if (d.find()) {
              starts.add(new int[] {i, j});
              names.add(d.group(2));
              break;
            }
          }
        } else if (!f.getKey().endsWith(".py")) {
          Matcher t = TS_TOOL.matcher(lines.get(i));
          if (t.find()) {
            String name = t.group(1);
            if (name == null && i + 1 < lines.size()) {
              Matcher n = Pattern.compile("^\\s*[\"'](\\w+)[\"']").matcher(lines.get(i + 1));
              name = n.find() ? n.group(1) : null;
            }
            if (name != null) {
              starts.add(new int[] {i, i});
              names.add(name);
            }
          }
        }
      }
      for (int k = 0; k < starts.size(); k++) {
        int from = starts.get(k)[0];
        int to = k + 1 < starts.size() ? starts.get(k + 1)[0] : lines.size();
        String body = String.join("\n", lines.subList(from, to));
        String primary = primaryOperation(body, ops);
        if (primary.isEmpty()) {
          continue;
        }
        List<String> details = new ArrayList<>(List.of("operation=" + primary, "server=" + f.getKey()));
        required.getOrDefault(names.get(k), List.of()).forEach(a -> details.add("arg=" + a));
        out.add(new Surface(Surface.Kind.TOOL, names.get(k), f.getKey(), starts.get(k)[1] + 1, List.of(), details));
      }
    }
    return out;
  }

  /** The operation id of the last call in {@code body}, by a path literal or an SDK method call. */
  static String primaryOperation(String body, List<Operation> ops) {
    int at = -1;
    String id = "";
    for (Operation op : ops) {
      String want = op.path().replaceAll("\\{[^}]*}", "{}");
      Matcher p = PATH_LITERAL.matcher(body);
      while (p.find()) {
        String got = p.group(1).replaceAll("\\$?\\{[^}]*}", "{}");
        boolean method = body.substring(Math.max(0, p.start() - 40), p.start()).contains("\"" + op.method() + "\"");
        if (got.equals(want) && method && p.start() > at) {
          at = p.start();
          id = op.operationId();
        }
      }
      Matcher c = Pattern.compile("\\." + Pattern.quote(op.operationId()) + "\\s*\\(").matcher(body);
      while (c.find()) {
        if (c.start() > at) {
          at = c.start();
          id = op.operationId();
        }
      }
    }
    return id;
  }

  private static Map<String, List<String>> manifestArguments(Map<String, List<String>> code) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> f : code.entrySet()) {
      if (!f.getKey().endsWith(".json")) {
        continue;
      }
      try {
        JsonNode n = new ObjectMapper().readTree(String.join("\n", f.getValue()));
        JsonNode tools = n.isArray() ? n : n.path("tools");
        for (JsonNode t : tools) {
          if (t.path("name").isTextual() && t.has("inputSchema")) {
            List<String> args = new ArrayList<>();
            t.path("inputSchema").path("required").forEach(r -> args.add(r.asText()));
            out.putIfAbsent(t.path("name").asText(), args);
          }
        }
      } catch (IOException | RuntimeException e) {
        // not a tool manifest
      }
    }
    return out;
  }
}
