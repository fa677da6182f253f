package dev.quarry.extract.routes;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.DocComments;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.JsImports;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.extract.code.Modules;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Express routes: {@code app.get('/x', handler)}, {@code router.route('/x').get(h).post(h)}; routers made
 * by {@code express()}, {@code express.Router()} or an imported {@code Router} under any alias; mounts by
 * {@code app.use('/v1', router)} across files.
 */
final class ExpressRoutes {
  private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "all", "options",
      "head");

  private ExpressRoutes() {}

  /** Whether a file's text may register routes ({@code .get(}, {@code .post(} ...). */
  static boolean mayRoute(String text) {
    for (String v : VERBS) {
      if (text.contains("." + v + "(")) {
        return true;
      }
    }
    return false;
  }

  /** Pre-pass: the mounts of a file calling {@code use}. */
  static void mounts(CodeFile f, Modules modules, Mounts mounts) {
    Set<String> routers = routers(f).keySet();
    defaultExport(f).ifPresent(v -> mounts.alias(new RouterRef(f.path(), v),
        new RouterRef(f.path(), JsImports.DEFAULT)));
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call_expression")) {
        useCall(f, n, routers, modules, mounts);
      }
      return true;
    });
  }

  private static void useCall(CodeFile f, TSNode call, Set<String> routers, Modules modules, Mounts mounts) {
    TSNode fn = call.getChildByFieldName("function");
    if (!fn.getType().equals("member_expression") || !f.text(fn.getChildByFieldName("property")).equals("use")) {
      return;
    }
    Optional<String> owner = owner(f, call);
    if (owner.isEmpty()) {
      return;
    }
    List<TSNode> args = SourceTree.namedChildren(call.getChildByFieldName("arguments"));
    if (args.isEmpty()) {
      return;
    }
    if (args.size() == 2 && forEachMounts(f, call, args, owner.get(), routers, modules, mounts)) {
      return;
    }
    String prefix = "";
    int from = 0;
    if (JsStrings.isLiteral(args.get(0))) {
      prefix = JsStrings.value(f, args.get(0));
      from = 1;
    }
    RouterRef parent = new RouterRef(f.path(), owner.get());
    String p = prefix;
    for (int i = from; i < args.size(); i++) {
      ref(f, args.get(i), routers, modules).ifPresent(c -> mounts.mount(parent, c, p));
    }
  }

  /**
   * {@code routes.forEach((r) => router.use(r.path, r.route))} over a literal array of {@code {path, route}}
   * objects: one mount per element. True when the call had that shape.
   */
  private static boolean forEachMounts(CodeFile f, TSNode use, List<TSNode> args, String owner,
      Set<String> routers, Modules modules, Mounts mounts) {
    if (!args.get(0).getType().equals("member_expression") || !args.get(1).getType().equals("member_expression")) {
      return false;
    }
    TSNode p0 = args.get(0).getChildByFieldName("object");
    TSNode p1 = args.get(1).getChildByFieldName("object");
    if (!p0.getType().equals("identifier") || !f.text(p0).equals(f.text(p1))) {
      return false;
    }
    String param = f.text(p0);
    TSNode fn = use;
    while (fn != null && !fn.isNull() && !fn.getType().equals("arrow_function")
        && !fn.getType().equals("function_expression")) {
      fn = fn.getParent();
    }
    if (fn == null || fn.isNull() || !f.text(fn).startsWith("(" + param) && !f.text(fn).startsWith(param)
        && !f.text(fn).startsWith("function (" + param) && !f.text(fn).startsWith("function(" + param)) {
      return false;
    }
    TSNode argList = fn.getParent();
    TSNode each = argList == null || argList.isNull() ? null : argList.getParent();
    if (each == null || each.isNull() || !each.getType().equals("call_expression")) {
      return false;
    }
    TSNode eachFn = each.getChildByFieldName("function");
    if (!eachFn.getType().equals("member_expression")
        || !f.text(eachFn.getChildByFieldName("property")).equals("forEach")
        || !eachFn.getChildByFieldName("object").getType().equals("identifier")) {
      return false;
    }
    Optional<TSNode> array = constArray(f, f.text(eachFn.getChildByFieldName("object")));
    if (array.isEmpty()) {
      return false;
    }
    String pathKey = f.text(args.get(0).getChildByFieldName("property"));
    String routeKey = f.text(args.get(1).getChildByFieldName("property"));
    RouterRef parent = new RouterRef(f.path(), owner);
    for (TSNode el : SourceTree.namedChildren(array.get())) {
      if (!el.getType().equals("object")) {
        continue;
      }
      Optional<TSNode> path = objectValue(f, el, pathKey).filter(JsStrings::isLiteral);
      Optional<TSNode> child = objectValue(f, el, routeKey);
      if (path.isPresent() && child.isPresent()) {
        String prefix = JsStrings.value(f, path.get());
        ref(f, child.get(), routers, modules).ifPresent(c -> mounts.mount(parent, c, prefix));
      }
    }
    return true;
  }

  /** The array literal a top-level {@code const name = [...]} declares. */
  private static Optional<TSNode> constArray(CodeFile f, String name) {
    for (TSNode st : SourceTree.namedChildren(f.root())) {
      if (!st.getType().equals("lexical_declaration") && !st.getType().equals("variable_declaration")) {
        continue;
      }
      for (TSNode d : SourceTree.namedChildren(st)) {
        if (d.getType().equals("variable_declarator") && f.text(d.getChildByFieldName("name")).equals(name)) {
          TSNode v = d.getChildByFieldName("value");
          if (v != null && !v.isNull() && v.getType().equals("array")) {
            return Optional.of(v);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<TSNode> objectValue(CodeFile f, TSNode object, String key) {
    for (TSNode p : SourceTree.namedChildren(object)) {
      if (p.getType().equals("pair") && f.text(p.getChildByFieldName("key")).replaceAll("['\"]", "").equals(key)) {
        return Optional.of(p.getChildByFieldName("value"));
      }
      if (p.getType().equals("shorthand_property_identifier") && f.text(p).equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The router a {@code use} call mounts on: its receiver variable, or for a chain such as
   * {@code const api = Router().use(a).use(b)} the variable (or the default export) the chain is assigned to.
   */
  private static Optional<String> owner(CodeFile f, TSNode useCall) {
    TSNode base = useCall.getChildByFieldName("function").getChildByFieldName("object");
    while (base.getType().equals("call_expression")) {
      TSNode fn = base.getChildByFieldName("function");
      if (!fn.getType().equals("member_expression")) {
        break;
      }
      base = fn.getChildByFieldName("object");
    }
    if (base.getType().equals("identifier")) {
      return Optional.of(f.text(base));
    }
    TSNode top = useCall;
    while (true) {
      TSNode p = top.getParent();
      if (p == null || p.isNull()) {
        return Optional.empty();
      }
      String t = p.getType();
      if (t.equals("member_expression") || t.equals("call_expression") || t.equals("parenthesized_expression")) {
        top = p;
        continue;
      }
      if (t.equals("variable_declarator") && p.getChildByFieldName("name").getType().equals("identifier")) {
        return Optional.of(f.text(p.getChildByFieldName("name")));
      }
      if (t.equals("export_statement")) {
        return Optional.of(JsImports.DEFAULT);
      }
      return Optional.empty();
    }
  }

  private static Optional<RouterRef> ref(CodeFile f, TSNode arg, Set<String> routers, Modules modules) {
    if (arg.getType().equals("identifier") || arg.getType().equals("shorthand_property_identifier")) {
      String name = f.text(arg);
      if (routers.contains(name)) {
        return Optional.of(new RouterRef(f.path(), name));
      }
      Optional<JsImports.Binding> b = f.jsImports().binding(name);
      if (b.isPresent()) {
        return modules.js(f.path(), b.get().specifier()).map(file -> new RouterRef(file.path(),
            b.get().name().equals(JsImports.NAMESPACE) ? JsImports.DEFAULT : b.get().name()));
      }
      return Optional.of(new RouterRef(f.path(), name));
    }
    Optional<String> spec = requireOf(f, arg);
    return spec.flatMap(s -> modules.js(f.path(), s)).map(file -> new RouterRef(file.path(), JsImports.DEFAULT));
  }

  private static Optional<String> requireOf(CodeFile f, TSNode n) {
    if (!n.getType().equals("call_expression")) {
      return Optional.empty();
    }
    TSNode fn = n.getChildByFieldName("function");
    if (!fn.getType().equals("identifier") || !f.text(fn).equals("require")) {
      return Optional.empty();
    }
    for (TSNode a : SourceTree.namedChildren(n.getChildByFieldName("arguments"))) {
      if (JsStrings.isLiteral(a)) {
        return Optional.of(JsStrings.value(f, a));
      }
    }
    return Optional.empty();
  }

  /** Router and app variables a file creates; the value says whether it is an app. */
  private static Map<String, Boolean> routers(CodeFile f) {
    Map<String, Boolean> out = new HashMap<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("variable_declarator")) {
        TSNode name = n.getChildByFieldName("name");
        TSNode value = n.getChildByFieldName("value");
        if (name.getType().equals("identifier") && value != null && !value.isNull()) {
          TSNode call = value;
          if (call.getType().equals("call_expression") || call.getType().equals("new_expression")) {
            TSNode fn = call.getChildByFieldName(call.getType().equals("call_expression") ? "function" : "constructor");
            Optional<String> q = f.jsImports().qualified(f, fn);
            if (q.isPresent()) {
              String s = q.get();
              if (s.equals("express#default")) {
                out.put(f.text(name), true);
              } else if (s.equals("express#Router")) {
                out.put(f.text(name), false);
              }
            }
          }
        }
        return false;
      }
      return true;
    });
    return out;
  }

  private static Optional<String> defaultExport(CodeFile f) {
    for (TSNode n : SourceTree.namedChildren(f.root())) {
      if (n.getType().equals("export_statement") && f.text(n).startsWith("export default")) {
        TSNode v = n.getChildByFieldName("value");
        if (v != null && !v.isNull() && v.getType().equals("identifier")) {
          return Optional.of(f.text(v));
        }
      }
      if (n.getType().equals("expression_statement") && n.getNamedChildCount() == 1
          && n.getNamedChild(0).getType().equals("assignment_expression")) {
        TSNode a = n.getNamedChild(0);
        if (f.text(a.getChildByFieldName("left")).equals("module.exports")
            && a.getChildByFieldName("right").getType().equals("identifier")) {
          return Optional.of(f.text(a.getChildByFieldName("right")));
        }
      }
    }
    return Optional.empty();
  }

  /** The routes of a file; each candidate spans the statement registering it. */
  static List<Candidate<?>> routes(CodeFile f, Mounts mounts, Registrations regs) {
    Map<String, Boolean> routers = routers(f);
    boolean express = f.jsImports().importsAny("express");
    Optional<String> dflt = defaultExport(f);
    java.util.TreeMap<Integer, Candidate<?>> byVerbPosition = new java.util.TreeMap<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call_expression")) {
        route(f, n, routers, express, dflt, mounts, regs, byVerbPosition);
      }
      return true;
    });
    return new ArrayList<>(byVerbPosition.values());
  }

  /**
   * A route registration call: the verb's node, the receiver, the path argument and the handlers (middleware
   * first, the handler last).
   */
  private record RouteCall(TSNode verb, String recv, TSNode path, List<TSNode> handlers) {}

  private static Optional<RouteCall> routeCall(CodeFile f, TSNode call) {
    TSNode fn = call.getChildByFieldName("function");
    if (!fn.getType().equals("member_expression")) {
      return Optional.empty();
    }
    String verb = f.text(fn.getChildByFieldName("property"));
    if (!VERBS.contains(verb)) {
      return Optional.empty();
    }
    TSNode obj = fn.getChildByFieldName("object");
    List<TSNode> args = SourceTree.namedChildren(call.getChildByFieldName("arguments")).stream()
        .filter(a -> !a.getType().equals("comment")).toList();
    if (obj.getType().equals("call_expression") && isRouteCall(f, obj)) {
      List<TSNode> rargs = SourceTree.namedChildren(routeCallOf(f, obj).getChildByFieldName("arguments"));
      if (rargs.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new RouteCall(fn.getChildByFieldName("property"), f.text(routeBase(f, obj)), rargs.get(0),
          args));
    }
    if (obj.getType().equals("identifier") && args.size() >= 2) {
      return Optional.of(new RouteCall(fn.getChildByFieldName("property"), f.text(obj), args.get(0),
          args.subList(1, args.size())));
    }
    return Optional.empty();
  }

  /** Whether the call is a route of a router this file knows (or of any receiver in a file importing express). */
  private static boolean accepted(CodeFile f, RouteCall rc, Map<String, Boolean> routers, boolean express) {
    boolean literal = JsStrings.isLiteral(rc.path());
    String rawPath = literal ? JsStrings.value(f, rc.path()) : "";
    if (rc.handlers().isEmpty() || (literal && !rawPath.startsWith("/") && !rawPath.equals("*"))) {
      return false;
    }
    return routers.containsKey(rc.recv()) || (express && (literal || rc.path().getType().equals("regex")));
  }

  private static String rawPath(CodeFile f, RouteCall rc) {
    return JsStrings.isLiteral(rc.path()) ? JsStrings.value(f, rc.path()) : "{" + f.text(rc.path()) + "}";
  }

  private static String method(CodeFile f, RouteCall rc) {
    String verb = f.text(rc.verb());
    return verb.equals("all") ? "ANY" : verb.toUpperCase(Locale.ROOT);
  }

  private static void route(CodeFile f, TSNode call, Map<String, Boolean> routers, boolean express,
      Optional<String> dflt, Mounts mounts, Registrations regs, Map<Integer, Candidate<?>> out) {
    Optional<RouteCall> parsed = routeCall(f, call);
    if (parsed.isEmpty() || !accepted(f, parsed.get(), routers, express)
        || regs.claimed(f.path(), parsed.get().verb().getStartByte())) {
      return;
    }
    RouteCall rc = parsed.get();
    String recv = rc.recv();
    RouterRef ref = new RouterRef(f.path(), recv);
    String above = mounts.above(ref);
    if (above.isEmpty() && dflt.isPresent() && dflt.get().equals(recv)) {
      above = mounts.above(new RouterRef(f.path(), JsImports.DEFAULT));
    }
    String path = Mounts.join(above, rawPath(f, rc));
    TSNode stmt = statementOf(call);
    TSNode last = rc.handlers().get(rc.handlers().size() - 1);
    String handler = last.getType().equals("identifier") ? f.text(last) : "";
    String summary = DocComments.before(f, stmt).map(Definitions::firstParagraph).orElse("");
    String method = method(f, rc);
    out.put(rc.verb().getStartByte(), new Candidate<>(method + " " + path, stmt, stmt,
        new Route(method, path, "express", handler, summary, recv, above, java.util.List.of())));
  }

  /**
   * Pre-pass: routes whose handler is a name defined at the top of a repository file ({@code ctrl.createUser}
   * with {@code ctrl} imported, or an imported or local function) are registered at that definition, with the
   * middleware before it; {@code defined} says whether a file defines a name. Such routes are then mined where
   * the handler is written, not as the one-line registration.
   */
  static void registrations(CodeFile f, Modules modules, Registrations regs,
      java.util.function.BiPredicate<String, String> defined) {
    Map<String, Boolean> routers = routers(f);
    boolean express = f.jsImports().importsAny("express");
    Optional<String> dflt = defaultExport(f);
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call_expression")) {
        routeCall(f, n).filter(rc -> accepted(f, rc, routers, express)).ifPresent(rc -> {
          TSNode last = rc.handlers().get(rc.handlers().size() - 1);
          handlerRef(f, last, modules).filter(h -> defined.test(h.path(), h.var())).ifPresent(h -> {
            RouterRef owner = new RouterRef(f.path(), rc.recv());
            RouterRef alias = dflt.isPresent() && dflt.get().equals(rc.recv())
                ? new RouterRef(f.path(), JsImports.DEFAULT) : owner;
            List<String> middleware = rc.handlers().subList(0, rc.handlers().size() - 1).stream()
                .map(m -> f.text(m).replaceAll("\\s+", " ")).toList();
            TSNode stmt = statementOf(n);
            regs.add(h, new Registrations.Registration(owner, alias, rawPath(f, rc), "express",
                Registrations.Kind.HANDLER, List.of(method(f, rc)), Map.of(),
                new Route.Wiring(f.path(), f.lines(stmt).first(), dev.quarry.extract.code.Snippet.of(f.tree(),
                    stmt, stmt), middleware), List.of(Registrations.MODULE)));
            regs.claim(f.path(), rc.verb().getStartByte());
          });
        });
      }
      return true;
    });
  }

  /** The definition a handler argument names: {@code module.name}, an imported name, or a local function. */
  private static Optional<RouterRef> handlerRef(CodeFile f, TSNode h, Modules modules) {
    if (h.getType().equals("identifier")) {
      String name = f.text(h);
      Optional<JsImports.Binding> b = f.jsImports().binding(name);
      if (b.isEmpty()) {
        return Optional.of(new RouterRef(f.path(), name));
      }
      if (b.get().name().equals(JsImports.NAMESPACE)) {
        return Optional.empty();
      }
      return modules.js(f.path(), b.get().specifier()).map(file -> new RouterRef(file.path(), b.get().name()));
    }
    if (h.getType().equals("member_expression")) {
      TSNode obj = h.getChildByFieldName("object");
      if (!obj.getType().equals("identifier")) {
        return Optional.empty();
      }
      String prop = f.text(h.getChildByFieldName("property"));
      return f.jsImports().binding(f.text(obj))
          .filter(b -> b.name().equals(JsImports.DEFAULT) || b.name().equals(JsImports.NAMESPACE))
          .flatMap(b -> modules.js(f.path(), b.specifier())).map(file -> new RouterRef(file.path(), prop));
    }
    return Optional.empty();
  }

  /**
   * The top-level definitions of a file by name: function declarations, variables ({@code const x = catchAsync(
   * async (req, res) => ...)}), {@code exports.x = ...} and methods of top-level classes (a default-exported
   * controller instance).
   */
  static Map<String, TSNode> definitions(CodeFile f) {
    Map<String, TSNode> out = new java.util.LinkedHashMap<>();
    for (TSNode st : SourceTree.namedChildren(f.root())) {
      TSNode d = st.getType().equals("export_statement") && st.getChildByFieldName("declaration") != null
          && !st.getChildByFieldName("declaration").isNull() ? st.getChildByFieldName("declaration") : st;
      switch (d.getType()) {
        case "function_declaration", "generator_function_declaration" ->
            out.putIfAbsent(f.text(d.getChildByFieldName("name")), st);
        case "lexical_declaration", "variable_declaration" -> {
          for (TSNode v : SourceTree.namedChildren(d)) {
            if (v.getType().equals("variable_declarator")
                && v.getChildByFieldName("name").getType().equals("identifier")) {
              out.putIfAbsent(f.text(v.getChildByFieldName("name")), st);
            }
          }
        }
        case "class_declaration" -> {
          for (TSNode m : SourceTree.namedChildren(d.getChildByFieldName("body"))) {
            if (m.getType().equals("method_definition")) {
              out.putIfAbsent(f.text(m.getChildByFieldName("name")), m);
            }
          }
        }
        case "expression_statement" -> {
          TSNode a = d.getNamedChildCount() == 1 ? d.getNamedChild(0) : null;
          if (a != null && a.getType().equals("assignment_expression")) {
            String left = f.text(a.getChildByFieldName("left"));
            for (String p : List.of("module.exports.", "exports.")) {
              if (left.startsWith(p) && !left.substring(p.length()).contains(".")) {
                out.putIfAbsent(left.substring(p.length()), st);
              }
            }
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** The routes whose handlers this file defines, registered elsewhere (or earlier in it) by name. */
  static List<Candidate<?>> referenced(CodeFile f, Mounts mounts, Registrations regs) {
    if (!regs.anyIn(f.path())) {
      return List.of();
    }
    List<Candidate<?>> out = new ArrayList<>();
    for (Map.Entry<String, TSNode> d : definitions(f).entrySet()) {
      for (Registrations.Registration r : regs.of(new RouterRef(f.path(), d.getKey()))) {
        String above = mounts.above(r.owner());
        if (above.isEmpty() && !r.alias().equals(r.owner())) {
          above = mounts.above(r.alias());
        }
        String path = Mounts.join(above, r.pattern());
        String method = r.methods().get(0);
        TSNode node = d.getValue();
        TSNode first = DocComments.nodeBefore(f, node).orElse(node);
        String summary = DocComments.before(f, node).map(Definitions::firstParagraph).orElse("");
        out.add(new Candidate<>(method + " " + path, first, node, new Route(method, path, "express", d.getKey(),
            summary, r.owner().var(), above, List.of(), "", "", r.wiring())));
      }
    }
    return out;
  }

  private static boolean isRouteCall(CodeFile f, TSNode call) {
    return routeCallOf(f, call) != null;
  }

  /** For {@code x.route('/p').get(h)}, the {@code x.route('/p')} call; null when the chain has none. */
  private static TSNode routeCallOf(CodeFile f, TSNode call) {
    TSNode c = call;
    for (int i = 0; i < 12 && c.getType().equals("call_expression"); i++) {
      TSNode fn = c.getChildByFieldName("function");
      if (!fn.getType().equals("member_expression")) {
        return null;
      }
      String prop = f.text(fn.getChildByFieldName("property"));
      if (prop.equals("route")) {
        return c;
      }
      if (!VERBS.contains(prop)) {
        return null;
      }
      c = fn.getChildByFieldName("object");
    }
    return null;
  }

  private static TSNode routeBase(CodeFile f, TSNode call) {
    return routeCallOf(f, call).getChildByFieldName("function").getChildByFieldName("object");
  }

  private static TSNode statementOf(TSNode n) {
    TSNode c = n;
    while (true) {
      TSNode p = c.getParent();
      if (p == null || p.isNull() || p.getType().equals("program") || p.getType().equals("statement_block")) {
        return c;
      }
      c = p;
    }
  }
}
