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

  /** Pre-pass: the mounts of a file calling {@code use}. */
  static void mounts(CodeFile f, Modules modules, Mounts mounts) {
    Set<String> routers = routers(f).keySet();
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
    if (arg.getType().equals("identifier")) {
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
  static List<Candidate<?>> routes(CodeFile f, Mounts mounts) {
    Map<String, Boolean> routers = routers(f);
    boolean express = f.jsImports().importsAny("express");
    Optional<String> dflt = defaultExport(f);
    java.util.TreeMap<Integer, Candidate<?>> byVerbPosition = new java.util.TreeMap<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("call_expression")) {
        route(f, n, routers, express, dflt, mounts, byVerbPosition);
      }
      return true;
    });
    return new ArrayList<>(byVerbPosition.values());
  }

  private static void route(CodeFile f, TSNode call, Map<String, Boolean> routers, boolean express,
      Optional<String> dflt, Mounts mounts, Map<Integer, Candidate<?>> out) {
    TSNode fn = call.getChildByFieldName("function");
    if (!fn.getType().equals("member_expression")) {
      return;
    }
    String verb = f.text(fn.getChildByFieldName("property"));
    if (!VERBS.contains(verb)) {
      return;
    }
    TSNode obj = fn.getChildByFieldName("object");
    List<TSNode> args = SourceTree.namedChildren(call.getChildByFieldName("arguments"));
    String recv;
    TSNode pathNode;
    int handlers;
    if (obj.getType().equals("call_expression") && isRouteCall(f, obj)) {
      TSNode base = routeBase(f, obj);
      TSNode routeCall = routeCallOf(f, obj);
      recv = f.text(base);
      List<TSNode> rargs = SourceTree.namedChildren(routeCall.getChildByFieldName("arguments"));
      if (rargs.isEmpty()) {
        return;
      }
      pathNode = rargs.get(0);
      handlers = args.size();
    } else if (obj.getType().equals("identifier")) {
      recv = f.text(obj);
      if (args.size() < 2) {
        return;
      }
      pathNode = args.get(0);
      handlers = args.size() - 1;
    } else {
      return;
    }
    boolean literal = JsStrings.isLiteral(pathNode);
    String rawPath = literal ? JsStrings.value(f, pathNode) : "{" + f.text(pathNode) + "}";
    if (handlers < 1 || (literal && !rawPath.startsWith("/") && !rawPath.equals("*"))) {
      return;
    }
    if (!routers.containsKey(recv) && !(express && (literal || pathNode.getType().equals("regex")))) {
      return;
    }
    RouterRef ref = new RouterRef(f.path(), recv);
    String above = mounts.above(ref);
    if (above.isEmpty() && dflt.isPresent() && dflt.get().equals(recv)) {
      above = mounts.above(new RouterRef(f.path(), JsImports.DEFAULT));
    }
    String path = Mounts.join(above, rawPath);
    TSNode stmt = statementOf(call);
    TSNode last = args.isEmpty() ? null : args.get(args.size() - 1);
    String handler = last != null && last.getType().equals("identifier") ? f.text(last) : "";
    String summary = DocComments.before(f, stmt).map(Definitions::firstParagraph).orElse("");
    String method = verb.equals("all") ? "ANY" : verb.toUpperCase(Locale.ROOT);
    out.put(fn.getChildByFieldName("property").getStartByte(), new Candidate<>(method + " " + path, stmt, stmt,
        new Route(method, path, "express", handler, summary, recv, above, java.util.List.of())));
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
