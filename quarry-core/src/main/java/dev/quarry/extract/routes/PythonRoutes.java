package dev.quarry.extract.routes;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.PyImports;
import dev.quarry.extract.code.PyStrings;
import dev.quarry.extract.code.PyValues;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * FastAPI and Flask routes: decorators such as {@code @router.get("/x")}, {@code @app.route("/x",
 * methods=[...])} and {@code @bp.post(...)} on functions; router objects ({@code APIRouter(prefix=...)},
 * {@code Blueprint(url_prefix=...)}) under any alias; mounts by {@code include_router} and
 * {@code register_blueprint}.
 */
final class PythonRoutes {
  private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "head", "options",
      "trace", "api_route", "route", "websocket");
  private static final Set<String> CONTAINERS = Set.of("module", "block", "function_definition",
      "decorated_definition", "if_statement", "else_clause", "elif_clause", "try_statement", "with_statement",
      "except_clause", "finally_clause");
  private static final Set<String> WEB = Set.of("fastapi", "flask", "starlette", "quart", "apiflask");

  private record RouterDef(String framework, String prefix) {}

  private PythonRoutes() {}

  /** Pre-pass: the mounts and router prefixes of a file that mounts routers. */
  static void mounts(CodeFile f, Modules modules, Mounts mounts) {
    routers(f, modules).forEach((var, def) -> mounts.ownPrefix(new RouterRef(f.path(), var), def.prefix()));
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call")) {
        mountCall(f, n, modules, mounts);
      }
      return true;
    });
  }

  private static void mountCall(CodeFile f, TSNode call, Modules modules, Mounts mounts) {
    TSNode fn = call.getChildByFieldName("function");
    if (!fn.getType().equals("attribute")) {
      return;
    }
    String verb = f.text(fn.getChildByFieldName("attribute"));
    TSNode args = call.getChildByFieldName("arguments");
    if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return;
    }
    Optional<TSNode> child;
    Optional<TSNode> prefix;
    switch (verb) {
      case "include_router" -> {
        child = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "router", f));
        prefix = PyValues.kwarg(args, "prefix", f);
      }
      case "register_blueprint" -> {
        child = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "blueprint", f));
        prefix = PyValues.kwarg(args, "url_prefix", f);
      }
      case "mount" -> {
        child = PyValues.positional(args, 1).or(() -> PyValues.kwarg(args, "app", f));
        prefix = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "path", f));
      }
      default -> {
        return;
      }
    }
    if (child.isEmpty()) {
      return;
    }
    Optional<RouterRef> parent = ref(f, fn.getChildByFieldName("object"), modules);
    Optional<RouterRef> c = ref(f, child.get(), modules);
    if (parent.isPresent() && c.isPresent()) {
      mounts.mount(parent.get(), c.get(), prefix.map(p -> PyValues.string(f, p, modules)).orElse(""));
    }
  }

  /** Whether a file's text may register handlers by reference ({@code add_api_route}, {@code add_url_rule}). */
  static boolean mayRegister(String text) {
    return text.contains("add_api_route") || text.contains("add_url_rule") || text.contains("add_api_websocket_route");
  }

  /**
   * Pre-pass: handlers registered by reference, {@code router.add_api_route("/x", endpoint, methods=[...])},
   * {@code app.add_api_websocket_route("/ws", endpoint)} and Flask's {@code app.add_url_rule("/x", "name", view)}
   * or {@code view_func=View.as_view("name")}; the receiver's own prefix is part of the pattern.
   */
  static void registrations(CodeFile f, Modules modules, Registrations regs) {
    Map<String, RouterDef> routers = routers(f, modules);
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call")) {
        addRoute(f, n, routers, modules, regs);
      }
      return true;
    });
  }

  private static void addRoute(CodeFile f, TSNode call, Map<String, RouterDef> routers, Modules modules,
      Registrations regs) {
    TSNode fn = call.getChildByFieldName("function");
    TSNode args = call.getChildByFieldName("arguments");
    if (!fn.getType().equals("attribute") || args == null || args.isNull()
        || !args.getType().equals("argument_list")) {
      return;
    }
    String verb = f.text(fn.getChildByFieldName("attribute"));
    boolean flask = verb.equals("add_url_rule");
    if (!flask && !verb.equals("add_api_route") && !verb.equals("add_api_websocket_route")) {
      return;
    }
    Optional<TSNode> pathArg = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, flask ? "rule" : "path", f));
    Optional<TSNode> handler = flask
        ? PyValues.kwarg(args, "view_func", f).or(() -> PyValues.positional(args, 2))
        : PyValues.positional(args, 1).or(() -> PyValues.kwarg(args, "endpoint", f));
    if (pathArg.isEmpty() || handler.isEmpty()) {
      return;
    }
    TSNode target = handler.get();
    boolean classView = target.getType().equals("call")
        && target.getChildByFieldName("function").getType().equals("attribute")
        && f.text(target.getChildByFieldName("function").getChildByFieldName("attribute")).equals("as_view");
    if (classView) {
      target = target.getChildByFieldName("function").getChildByFieldName("object");
    }
    Optional<RouterRef> def = ref(f, target, modules);
    if (def.isEmpty()) {
      return;
    }
    String recv = f.text(fn.getChildByFieldName("object"));
    RouterDef known = routers.get(recv);
    String own = known == null ? "" : known.prefix();
    String pattern = Mounts.join(own, PyValues.string(f, pathArg.get(), modules));
    List<String> methods = new ArrayList<>();
    if (verb.equals("add_api_websocket_route")) {
      methods.add("WEBSOCKET");
    } else {
      PyValues.kwarg(args, "methods", f).ifPresent(m -> {
        for (TSNode x : SourceTree.namedChildren(m)) {
          PyStrings.value(f, x).ifPresent(v -> methods.add(v.toUpperCase(Locale.ROOT)));
        }
      });
    }
    if (methods.isEmpty() && !classView) {
      methods.add("GET");
    }
    String framework = flask ? "flask" : "fastapi";
    RouterRef owner = new RouterRef(f.path(), recv);
    regs.add(def.get(), new Registrations.Registration(owner, owner, pattern, framework,
        classView ? Registrations.Kind.VIEW : Registrations.Kind.HANDLER, methods, Map.of(),
        new Route.Wiring(f.path(), f.lines(call).first(), dev.quarry.extract.code.Snippet.of(f.tree(), call, call),
            List.of()), DjangoRoutes.scopes(f, call, def.get())));
  }

  /** The router an expression refers to: a local variable, an imported name, or {@code module.var}. */
  static Optional<RouterRef> ref(CodeFile f, TSNode expr, Modules modules) {
    if (expr.getType().equals("identifier")) {
      String name = f.text(expr);
      Optional<PyImports.Binding> b = f.pyImports().binding(name);
      if (b.isEmpty() || b.get().name() == null) {
        return Optional.of(new RouterRef(f.path(), name));
      }
      return modules.python(f.path(), b.get().module()).map(file -> follow(file, b.get().name(), modules, 0));
    }
    if (expr.getType().equals("attribute")) {
      TSNode obj = expr.getChildByFieldName("object");
      String attr = f.text(expr.getChildByFieldName("attribute"));
      if (obj.getType().equals("identifier")) {
        Optional<PyImports.Binding> b = f.pyImports().binding(f.text(obj));
        if (b.isPresent()) {
          Optional<RepoFile> m = modules.python(f.path(), b.get().qualified());
          return m.map(file -> follow(file, attr, modules, 0));
        }
      }
    }
    return Optional.empty();
  }

  /** Follows re-exports ({@code from .users import router as users_router} in a package). */
  private static RouterRef follow(RepoFile file, String name, Modules modules, int hops) {
    Definitions d = modules.definitions(file);
    PyImports.Binding b = d.imports().get(name);
    if (b == null || hops > 3) {
      return new RouterRef(file.path(), name);
    }
    if (b.name() == null) {
      return new RouterRef(file.path(), name);
    }
    Optional<RepoFile> target = modules.python(file.path(), b.module());
    return target.map(t -> follow(t, b.name(), modules, hops + 1)).orElse(new RouterRef(file.path(), name));
  }

  /** The router and application objects a file creates, by variable. */
  private static Map<String, RouterDef> routers(CodeFile f, Modules modules) {
    Map<String, RouterDef> out = new LinkedHashMap<>();
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("assignment")) {
        TSNode left = n.getChildByFieldName("left");
        TSNode right = n.getChildByFieldName("right");
        if (left.getType().equals("identifier") && right != null && !right.isNull()
            && right.getType().equals("call")) {
          routerCall(f, right, modules).ifPresent(d -> out.put(f.text(left), d));
        }
        return false;
      }
      return CONTAINERS.contains(t) || t.equals("expression_statement");
    });
    return out;
  }

  private static Optional<RouterDef> routerCall(CodeFile f, TSNode call, Modules modules) {
    String q = f.pyImports().qualified(f, call.getChildByFieldName("function"));
    String last = q.contains(".") ? q.substring(q.lastIndexOf('.') + 1) : q;
    String framework;
    String prefixKey;
    switch (last) {
      case "FastAPI", "APIRouter" -> {
        framework = "fastapi";
        prefixKey = "prefix";
      }
      case "Flask", "Blueprint", "APIFlask", "APIBlueprint", "Quart" -> {
        framework = "flask";
        prefixKey = "url_prefix";
      }
      default -> {
        return Optional.empty();
      }
    }
    TSNode args = call.getChildByFieldName("arguments");
    String prefix = PyValues.kwarg(args, prefixKey, f).map(p -> PyValues.string(f, p, modules)).orElse("");
    return Optional.of(new RouterDef(framework, prefix));
  }

  /** The routes of a file, one candidate per route decorator, spanning the decorated function. */
  static List<Candidate<?>> routes(CodeFile f, Modules modules, Mounts mounts) {
    Map<String, RouterDef> routers = routers(f, modules);
    boolean web = f.pyImports().importsAny(WEB.toArray(String[]::new));
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("decorated_definition")) {
        decorated(f, n, routers, web, modules, mounts, out);
      }
      return CONTAINERS.contains(n.getType()) || n.getType().equals("class_definition");
    });
    return out;
  }

  private static void decorated(CodeFile f, TSNode dd, Map<String, RouterDef> routers, boolean web,
      Modules modules, Mounts mounts, List<Candidate<?>> out) {
    TSNode def = dd.getChildByFieldName("definition");
    if (!def.getType().equals("function_definition")) {
      return;
    }
    for (TSNode dec : SourceTree.namedChildren(dd)) {
      if (!dec.getType().equals("decorator") || dec.getNamedChildCount() == 0) {
        continue;
      }
      TSNode call = dec.getNamedChild(0);
      if (!call.getType().equals("call")) {
        continue;
      }
      TSNode fn = call.getChildByFieldName("function");
      if (!fn.getType().equals("attribute")) {
        continue;
      }
      String verb = f.text(fn.getChildByFieldName("attribute"));
      TSNode receiver = fn.getChildByFieldName("object");
      TSNode args = call.getChildByFieldName("arguments");
      if (!VERBS.contains(verb) || args == null || args.isNull() || !args.getType().equals("argument_list")) {
        continue;
      }
      String recv = f.text(receiver);
      RouterDef known = routers.get(recv);
      Optional<TSNode> pathArg = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "path", f))
          .or(() -> PyValues.kwarg(args, "rule", f));
      Optional<String> literal = pathArg.flatMap(p -> PyStrings.value(f, p));
      boolean pathLike = literal.map(p -> p.isEmpty() || p.startsWith("/")).orElse(pathArg.isPresent());
      if (known == null && !(pathLike && (web || likelyRouterName(recv)))) {
        continue;
      }
      if (pathArg.isEmpty()) {
        continue;
      }
      String framework = known != null ? known.framework()
          : f.pyImports().importsAny("flask", "quart", "apiflask") ? "flask"
          : f.pyImports().importsAny("fastapi", "starlette") ? "fastapi" : verb.equals("route") ? "flask" : "fastapi";
      String own = known == null ? "" : known.prefix();
      RouterRef ref = new RouterRef(f.path(), recv);
      String prefix = Mounts.join(mounts.above(ref), own);
      String path = Mounts.join(prefix, PyValues.string(f, pathArg.get(), modules));
      if (path.isEmpty()) {
        path = "/";
      }
      String handler = f.text(def.getChildByFieldName("name"));
      String summary = PyValues.kwarg(args, "summary", f).flatMap(s -> PyStrings.value(f, s))
          .or(() -> PyStrings.docstring(f, def).map(Definitions::firstParagraph))
          .or(() -> PyValues.kwarg(args, "description", f).flatMap(s -> PyStrings.value(f, s)))
          .orElse("");
      for (String method : methods(f, verb, args)) {
        out.add(new Candidate<>(method + " " + path, dd, dd,
            new Route(method, path, framework, handler, summary, recv, prefix, contract(f, args))));
      }
    }
  }

  /** The decorator arguments that fix the endpoint's contract, in this order, as written. */
  private static final List<String> CONTRACT = List.of("operation_id", "response_model", "status_code",
      "dependencies", "responses");

  /**
   * The contract a route decorator states beyond method and path ({@code operation_id="listAgents"},
   * {@code response_model=AgentList}, {@code responses=error_responses(401)} ...), so the prompt can say what the
   * answer's decorator gives instead of the answer inventing it.
   */
  private static List<java.util.Map.Entry<String, String>> contract(CodeFile f, TSNode args) {
    List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
    for (String key : CONTRACT) {
      PyValues.kwarg(args, key, f).ifPresent(v -> out.add(java.util.Map.entry(key,
          f.text(v).replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").replace("[ ", "[")
              .replace(" ]", "]").replace(",]", "]").replace(",)", ")"))));
    }
    return out;
  }

  private static List<String> methods(CodeFile f, String verb, TSNode args) {
    if (verb.equals("websocket")) {
      return List.of("WEBSOCKET");
    }
    if (!verb.equals("route") && !verb.equals("api_route")) {
      return List.of(verb.toUpperCase(Locale.ROOT));
    }
    Optional<TSNode> methods = PyValues.kwarg(args, "methods", f);
    if (methods.isEmpty()) {
      return List.of(verb.equals("route") ? "GET" : "ANY");
    }
    List<String> out = new ArrayList<>();
    for (TSNode m : SourceTree.namedChildren(methods.get())) {
      PyStrings.value(f, m).ifPresent(v -> out.add(v.toUpperCase(Locale.ROOT)));
    }
    return out.isEmpty() ? List.of("ANY") : List.of(String.join("|", out));
  }

  private static boolean likelyRouterName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("app") || n.equals("api") || n.equals("bp") || n.endsWith("router") || n.endsWith("_bp")
        || n.endsWith("blueprint") || n.endsWith("app");
  }
}
