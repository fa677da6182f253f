package dev.quarry.extract.routes;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.Modules;
import dev.quarry.extract.code.PyStrings;
import dev.quarry.extract.code.PyValues;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Django and Django REST framework routes. The pre-pass reads {@code urlpatterns} lists ({@code path},
 * {@code re_path}, {@code url}; {@code include} of a module, of a router's {@code urls}, of a list; {@code +}
 * and {@code format_suffix_patterns}) and router registrations ({@code router.register("users", UserViewSet)}),
 * so that each view is known with its full path. Mining a file then turns the registered views it defines into
 * routes: function views (methods from {@code @api_view} or {@code @require_http_methods}), class-based views
 * (one route per handler method, shown inside the class skeleton; generic views without handler methods as one
 * route) and viewsets (list, detail and {@code @action} routes).
 */
final class DjangoRoutes {
  private static final Set<String> PATH_CALLS = Set.of("path", "re_path", "url");
  private static final List<String> HTTP = List.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Set<String> CONTAINERS = Set.of("module", "block", "if_statement", "else_clause",
      "elif_clause", "try_statement", "except_clause", "finally_clause", "with_statement");
  private static final Set<String> LIST_ACTIONS = Set.of("list", "create");
  private static final Map<String, String> ACTION_METHOD = Map.of("list", "GET", "create", "POST", "retrieve",
      "GET", "update", "PUT", "partial_update", "PATCH", "destroy", "DELETE");
  private static final List<String> ACTIONS = List.of("list", "create", "retrieve", "update", "partial_update",
      "destroy");

  /** The actions a viewset base or mixin brings without the class writing them. */
  private static final Map<String, List<String>> IMPLICIT_ACTIONS = Map.of(
      "ModelViewSet", ACTIONS,
      "ReadOnlyModelViewSet", List.of("list", "retrieve"),
      "ListModelMixin", List.of("list"),
      "CreateModelMixin", List.of("create"),
      "RetrieveModelMixin", List.of("retrieve"),
      "UpdateModelMixin", List.of("update", "partial_update"),
      "DestroyModelMixin", List.of("destroy"));

  /** The HTTP methods a generic class-based view serves without handler methods of its own. */
  private static final Map<String, String> GENERIC_METHODS = Map.ofEntries(
      Map.entry("CreateAPIView", "POST"), Map.entry("ListAPIView", "GET"), Map.entry("RetrieveAPIView", "GET"),
      Map.entry("DestroyAPIView", "DELETE"), Map.entry("UpdateAPIView", "PUT|PATCH"),
      Map.entry("ListCreateAPIView", "GET|POST"), Map.entry("RetrieveUpdateAPIView", "GET|PUT|PATCH"),
      Map.entry("RetrieveDestroyAPIView", "GET|DELETE"),
      Map.entry("RetrieveUpdateDestroyAPIView", "GET|PUT|PATCH|DELETE"),
      Map.entry("TemplateView", "GET"), Map.entry("ListView", "GET"), Map.entry("DetailView", "GET"),
      Map.entry("RedirectView", "GET"), Map.entry("CreateView", "GET|POST"), Map.entry("UpdateView", "GET|POST"),
      Map.entry("DeleteView", "GET|POST"), Map.entry("FormView", "GET|POST"));

  private DjangoRoutes() {}

  /** Whether a Python file's text may hold URL patterns or router registrations. */
  static boolean mayRegister(String text) {
    return text.contains("urlpatterns") || text.contains(".register(") || text.contains("path(")
        || text.contains("url(");
  }

  /** Pre-pass: the URL patterns and router registrations of one file. */
  static void registrations(CodeFile f, Modules modules, Mounts mounts, Registrations regs) {
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("assignment") || t.equals("augmented_assignment")) {
        TSNode left = n.getChildByFieldName("left");
        TSNode right = n.getChildByFieldName("right");
        if (left.getType().equals("identifier") && right != null && !right.isNull()) {
          patterns(f, right, new RouterRef(f.path(), f.text(left)), modules, mounts, regs);
        }
        return false;
      }
      if (t.equals("call")) {
        register(f, n, modules, regs);
        return false;
      }
      return CONTAINERS.contains(t) || t.equals("expression_statement") || t.equals("function_definition")
          || t.equals("decorated_definition") || t.equals("class_definition");
    });
  }

  /** {@code router.register("users", UserViewSet, basename="user")}. */
  private static void register(CodeFile f, TSNode call, Modules modules, Registrations regs) {
    TSNode fn = call.getChildByFieldName("function");
    TSNode args = call.getChildByFieldName("arguments");
    if (!fn.getType().equals("attribute") || !f.text(fn.getChildByFieldName("attribute")).equals("register")
        || args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return;
    }
    Optional<TSNode> prefix = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "prefix", f));
    Optional<TSNode> view = PyValues.positional(args, 1).or(() -> PyValues.kwarg(args, "viewset", f));
    if (prefix.isEmpty() || view.isEmpty()) {
      return;
    }
    Optional<String> literal = PyValues.tryString(f, prefix.get(), modules);
    if (literal.isEmpty()) {
      return;
    }
    TSNode recv = fn.getChildByFieldName("object");
    Optional<RouterRef> router = PythonRoutes.ref(f, recv, modules)
        .or(() -> Optional.of(new RouterRef(f.path(), f.text(recv))));
    Optional<RouterRef> target = PythonRoutes.ref(f, view.get(), modules);
    if (router.isPresent() && target.isPresent()) {
      regs.add(target.get(), new Registrations.Registration(router.get(), router.get(), regex(literal.get()),
          "drf", Registrations.Kind.VIEWSET, List.of(), Map.of(), wiring(f, call), scopes(f, call, target.get())));
    }
  }

  /** The entries of a patterns expression registered on {@code owner}. */
  private static void patterns(CodeFile f, TSNode expr, RouterRef owner, Modules modules, Mounts mounts,
      Registrations regs) {
    switch (expr.getType()) {
      case "list", "tuple" -> {
        for (TSNode el : SourceTree.namedChildren(expr)) {
          if (el.getType().equals("call")) {
            entry(f, el, owner, modules, mounts, regs);
          }
        }
      }
      case "parenthesized_expression" -> SourceTree.namedChildren(expr)
          .forEach(c -> patterns(f, c, owner, modules, mounts, regs));
      case "binary_operator" -> {
        patterns(f, expr.getChildByFieldName("left"), owner, modules, mounts, regs);
        patterns(f, expr.getChildByFieldName("right"), owner, modules, mounts, regs);
      }
      case "attribute" -> {
        if (f.text(expr.getChildByFieldName("attribute")).equals("urls")) {
          PythonRoutes.ref(f, expr.getChildByFieldName("object"), modules)
              .ifPresent(r -> mounts.mount(owner, r, ""));
        }
      }
      case "call" -> {
        String name = lastName(f, expr.getChildByFieldName("function"));
        TSNode args = expr.getChildByFieldName("arguments");
        if (name.equals("format_suffix_patterns") && args != null && !args.isNull()) {
          PyValues.positional(args, 0).ifPresent(a -> patterns(f, a, owner, modules, mounts, regs));
        }
      }
      default -> { }
    }
  }

  /** One {@code path(...)} entry. */
  private static void entry(CodeFile f, TSNode call, RouterRef owner, Modules modules, Mounts mounts,
      Registrations regs) {
    if (!PATH_CALLS.contains(lastName(f, call.getChildByFieldName("function")))) {
      return;
    }
    TSNode args = call.getChildByFieldName("arguments");
    if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return;
    }
    Optional<TSNode> patternArg = PyValues.positional(args, 0).or(() -> PyValues.kwarg(args, "route", f));
    Optional<TSNode> view = PyValues.positional(args, 1).or(() -> PyValues.kwarg(args, "view", f));
    if (patternArg.isEmpty() || view.isEmpty()) {
      return;
    }
    String pattern = regex(PyValues.string(f, patternArg.get(), modules));
    view(f, view.get(), call, pattern, owner, modules, mounts, regs, 0);
  }

  private static void view(CodeFile f, TSNode v, TSNode entry, String pattern, RouterRef owner, Modules modules,
      Mounts mounts, Registrations regs, int depth) {
    if (depth > 3) {
      return;
    }
    String t = v.getType();
    if (t.equals("identifier") || t.equals("attribute")) {
      PythonRoutes.ref(f, v, modules).ifPresent(r -> regs.add(r, new Registrations.Registration(owner, owner,
          pattern, "django", Registrations.Kind.VIEW, List.of(), Map.of(), wiring(f, entry), scopes(f, entry, r))));
      return;
    }
    if (!t.equals("call")) {
      return;
    }
    TSNode fn = v.getChildByFieldName("function");
    TSNode args = v.getChildByFieldName("arguments");
    if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
      return;
    }
    String name = lastName(f, fn);
    if (name.equals("include")) {
      PyValues.positional(args, 0).ifPresent(a -> include(f, a, pattern, owner, modules, mounts, regs));
      return;
    }
    if (name.equals("as_view") && fn.getType().equals("attribute")) {
      Map<String, String> actions = new LinkedHashMap<>();
      PyValues.positional(args, 0).filter(a -> a.getType().equals("dictionary")).ifPresent(d -> {
        for (TSNode pair : SourceTree.namedChildren(d)) {
          if (pair.getType().equals("pair")) {
            Optional<String> k = PyStrings.value(f, pair.getChildByFieldName("key"));
            Optional<String> a = PyStrings.value(f, pair.getChildByFieldName("value"));
            if (k.isPresent() && a.isPresent()) {
              actions.put(k.get().toLowerCase(Locale.ROOT), a.get());
            }
          }
        }
      });
      PythonRoutes.ref(f, fn.getChildByFieldName("object"), modules).ifPresent(r -> regs.add(r,
          new Registrations.Registration(owner, owner, pattern, actions.isEmpty() ? "django" : "drf",
              actions.isEmpty() ? Registrations.Kind.VIEW : Registrations.Kind.VIEWSET, List.of(), actions,
              wiring(f, entry), scopes(f, entry, r))));
      return;
    }
    PyValues.positional(args, 0)
        .ifPresent(a -> view(f, a, entry, pattern, owner, modules, mounts, regs, depth + 1));
  }

  private static void include(CodeFile f, TSNode target, String pattern, RouterRef owner, Modules modules,
      Mounts mounts, Registrations regs) {
    Optional<String> module = PyStrings.value(f, target);
    if (module.isPresent()) {
      modules.python(f.path(), module.get())
          .ifPresent(m -> mounts.mount(owner, new RouterRef(m.path(), "urlpatterns"), pattern));
      return;
    }
    switch (target.getType()) {
      case "tuple", "parenthesized_expression" -> {
        List<TSNode> parts = SourceTree.namedChildren(target);
        if (!parts.isEmpty()) {
          include(f, parts.get(0), pattern, owner, modules, mounts, regs);
        }
      }
      case "list" -> {
        RouterRef inline = new RouterRef(f.path(), "urlpatterns@" + target.getStartByte());
        mounts.mount(owner, inline, pattern);
        patterns(f, target, inline, modules, mounts, regs);
      }
      case "attribute" -> {
        TSNode obj = target.getChildByFieldName("object");
        if (f.text(target.getChildByFieldName("attribute")).equals("urls")) {
          PythonRoutes.ref(f, obj, modules).ifPresent(r -> mounts.mount(owner, r, pattern));
        } else {
          PythonRoutes.ref(f, target, modules).ifPresent(r -> mounts.mount(owner, r, pattern));
        }
      }
      case "identifier" -> PythonRoutes.ref(f, target, modules).ifPresent(r -> mounts.mount(owner, r, pattern));
      default -> { }
    }
  }

  /** The routes of the registered views a file defines. */
  static List<Candidate<?>> routes(CodeFile f, Mounts mounts, Registrations regs) {
    if (!regs.anyIn(f.path())) {
      return List.of();
    }
    record Def(TSNode node, TSNode def, String name, int scope) {}
    Map<String, List<Def>> byName = new LinkedHashMap<>();
    List<Def> order = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      String t = n.getType();
      if (t.equals("decorated_definition") || t.equals("function_definition") || t.equals("class_definition")) {
        TSNode def = t.equals("decorated_definition") ? n.getChildByFieldName("definition") : n;
        boolean inner = t.equals("function_definition") && n.getParent() != null && !n.getParent().isNull()
            && n.getParent().getType().equals("decorated_definition");
        if (!inner && !(def.getType().equals("function_definition") && isMethod(n))) {
          Def d = new Def(n, def, f.text(def.getChildByFieldName("name")), scopeOf(def));
          byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
          order.add(d);
        }
        // Views may be defined inside test classes and functions.
        return true;
      }
      return CONTAINERS.contains(t);
    });
    List<Candidate<?>> out = new ArrayList<>();
    for (Def d : order) {
      for (Registrations.Registration r : regs.of(new RouterRef(f.path(), d.name()))) {
        // The definition the registration's name resolves to: the one in its innermost enclosing scope.
        int rank = r.scopes().indexOf(d.scope());
        boolean closest = rank >= 0 && byName.get(d.name()).stream()
            .noneMatch(o -> o != d && r.scopes().indexOf(o.scope()) >= 0 && r.scopes().indexOf(o.scope()) < rank);
        if (!closest) {
          continue;
        }
        if (d.def().getType().equals("function_definition")) {
          functionView(f, d.node(), d.def(), d.name(), r, mounts, out);
        } else {
          classView(f, d.node(), d.def(), d.name(), r, mounts, out);
        }
      }
    }
    return out;
  }

  /**
   * Where a registration at {@code at} looks up the name it routes to {@code target}: the functions and classes
   * around it, innermost first, then the module; only the module for a name from another file.
   */
  static List<Integer> scopes(CodeFile f, TSNode at, RouterRef target) {
    List<Integer> out = new ArrayList<>();
    if (target.path().equals(f.path())) {
      for (TSNode p = at.getParent(); p != null && !p.isNull(); p = p.getParent()) {
        if (p.getType().equals("function_definition") || p.getType().equals("class_definition")) {
          out.add(p.getStartByte());
        }
      }
    }
    out.add(Registrations.MODULE);
    return out;
  }

  /** The innermost function or class around a definition (its start byte), or the module. */
  private static int scopeOf(TSNode def) {
    TSNode p = def.getParent();
    for (; p != null && !p.isNull(); p = p.getParent()) {
      if ((p.getType().equals("function_definition") || p.getType().equals("class_definition"))) {
        return p.getStartByte();
      }
    }
    return Registrations.MODULE;
  }

  /** Whether a definition is a method: its block belongs to a class. */
  private static boolean isMethod(TSNode n) {
    TSNode block = n.getParent();
    if (block != null && !block.isNull() && block.getType().equals("decorated_definition")) {
      return isMethod(block);
    }
    TSNode owner = block == null || block.isNull() ? null : block.getParent();
    return owner != null && !owner.isNull() && owner.getType().equals("class_definition");
  }

  private static void functionView(CodeFile f, TSNode node, TSNode def, String name,
      Registrations.Registration r, Mounts mounts, List<Candidate<?>> out) {
    String methods = r.kind() == Registrations.Kind.HANDLER ? String.join("|", r.methods()) : "";
    boolean drf = false;
    if (node.getType().equals("decorated_definition")) {
      for (TSNode dec : SourceTree.namedChildren(node)) {
        if (!dec.getType().equals("decorator") || dec.getNamedChildCount() == 0) {
          continue;
        }
        TSNode e = dec.getNamedChild(0);
        String dn = lastName(f, e.getType().equals("call") ? e.getChildByFieldName("function") : e);
        switch (dn) {
          case "api_view", "require_http_methods" -> {
            drf |= dn.equals("api_view");
            if (e.getType().equals("call") && methods.isEmpty()) {
              methods = stringList(f, PyValues.positional(e.getChildByFieldName("arguments"), 0)
                  .or(() -> PyValues.kwarg(e.getChildByFieldName("arguments"), "http_method_names", f)));
            }
            if (methods.isEmpty() && dn.equals("api_view")) {
              methods = "GET";
            }
          }
          case "require_GET" -> methods = methods.isEmpty() ? "GET" : methods;
          case "require_POST" -> methods = methods.isEmpty() ? "POST" : methods;
          case "require_safe" -> methods = methods.isEmpty() ? "GET|HEAD" : methods;
          default -> { }
        }
      }
    }
    String framework = r.framework().equals("django") && (drf || f.pyImports().importsAny("rest_framework"))
        ? "drf" : r.framework();
    String path = full(mounts, r, r.pattern());
    String m = methods.isEmpty() ? "ANY" : methods;
    out.add(new Candidate<>(m + " " + path, node, node, new Route(m, path, framework, name, docOf(f, def),
        r.owner().var(), above(mounts, r), List.of(), "", "", r.wiring())));
  }

  private static void classView(CodeFile f, TSNode node, TSNode cls, String name, Registrations.Registration r,
      Mounts mounts, List<Candidate<?>> out) {
    Map<String, TSNode> methods = methods(f, cls);
    List<String> bases = bases(f, cls);
    String framework = r.kind() == Registrations.Kind.VIEWSET || f.pyImports().importsAny("rest_framework")
        ? "drf" : r.framework();
    String skeleton = skeleton(f, cls);
    String base = full(mounts, r, r.pattern());
    String above = above(mounts, r);
    String owner = r.owner().var().contains("@") ? "urlpatterns" : r.owner().var();
    if (r.kind() == Registrations.Kind.VIEW) {
      boolean any = false;
      for (String h : HTTP) {
        TSNode m = methods.get(h);
        if (m != null) {
          any = true;
          String verb = h.toUpperCase(Locale.ROOT);
          out.add(new Candidate<>(verb + " " + base, m, m, new Route(verb, base, framework, h,
              docOf(f, defOf(m)).isEmpty() ? docOf(f, cls) : docOf(f, defOf(m)), owner, above, List.of(), skeleton,
              "", r.wiring())));
        }
      }
      if (!any) {
        String verbs = bases.stream().map(GENERIC_METHODS::get).filter(v -> v != null).findFirst().orElse("ANY");
        out.add(new Candidate<>(verbs + " " + base, node, node, new Route(verbs, base, framework, name,
            docOf(f, cls), owner, above, List.of(), "", "", r.wiring())));
      }
      return;
    }
    // Viewsets: explicit actions are their own routes; actions the bases bring make one route of the class.
    int before = out.size();
    boolean mapped = !r.actions().isEmpty();
    String listPath = mapped ? base : slash(base);
    String detailPath = mapped ? base : listPath + "{" + lookup(f, cls) + "}/";
    Map<String, String> actionVerb = new LinkedHashMap<>();
    if (mapped) {
      r.actions().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> actionVerb.merge(e.getValue(), e.getKey().toUpperCase(Locale.ROOT), (a, b) -> a + "|" + b));
    } else {
      ACTIONS.forEach(a -> actionVerb.put(a, ACTION_METHOD.get(a)));
    }
    Set<String> implicit = new LinkedHashSet<>();
    for (String b : bases) {
      implicit.addAll(IMPLICIT_ACTIONS.getOrDefault(b, List.of()));
    }
    for (Map.Entry<String, String> a : actionVerb.entrySet()) {
      TSNode m = methods.get(a.getKey());
      String path = mapped || LIST_ACTIONS.contains(a.getKey()) ? listPath : detailPath;
      if (m != null) {
        implicit.remove(a.getKey());
        out.add(new Candidate<>(a.getValue() + " " + path, m, m, new Route(a.getValue(), path, framework,
            a.getKey(), docOf(f, defOf(m)), owner, above, List.of(), skeleton, "", r.wiring())));
      }
    }
    if (!mapped) {
      for (Map.Entry<String, TSNode> m : methods.entrySet()) {
        action(f, m.getValue(), listPath, detailPath).ifPresent(p -> out.add(new Candidate<>(p.getKey() + " "
            + p.getValue(), m.getValue(), m.getValue(), new Route(p.getKey(), p.getValue(), framework, m.getKey(),
            docOf(f, defOf(m.getValue())), owner, above, List.of(), skeleton, "", r.wiring()))));
      }
    }
    implicit.retainAll(actionVerb.keySet());
    if (!implicit.isEmpty()) {
      Set<String> listVerbs = new LinkedHashSet<>();
      Set<String> detailVerbs = new LinkedHashSet<>();
      for (String a : implicit) {
        (mapped || LIST_ACTIONS.contains(a) ? listVerbs : detailVerbs).add(actionVerb.get(a));
      }
      boolean onList = !listVerbs.isEmpty();
      String verbs = String.join("|", onList ? listVerbs : detailVerbs);
      String path = onList ? listPath : detailPath;
      String also = onList && !detailVerbs.isEmpty() ? String.join("|", detailVerbs) + " " + detailPath : "";
      out.add(new Candidate<>(verbs + " " + path, node, node, new Route(verbs, path, framework, name,
          docOf(f, cls), owner, above, List.of(), "", also, r.wiring())));
    }
    if (out.size() == before) {
      // A viewset whose actions all come from a base defined in the repository: the class is the route.
      out.add(new Candidate<>("ANY " + listPath, node, node, new Route("ANY", listPath, framework, name,
          docOf(f, cls), owner, above, List.of(), "", "", r.wiring())));
    }
  }

  /** An {@code @action(detail=..., methods=[...], url_path=...)} method's verbs and path. */
  private static Optional<Map.Entry<String, String>> action(CodeFile f, TSNode node, String listPath,
      String detailPath) {
    if (!node.getType().equals("decorated_definition")) {
      return Optional.empty();
    }
    for (TSNode dec : SourceTree.namedChildren(node)) {
      if (!dec.getType().equals("decorator") || dec.getNamedChildCount() == 0) {
        continue;
      }
      TSNode e = dec.getNamedChild(0);
      boolean call = e.getType().equals("call");
      String dn = lastName(f, call ? e.getChildByFieldName("function") : e);
      if (!dn.equals("action") && !dn.equals("detail_route") && !dn.equals("list_route")) {
        continue;
      }
      TSNode args = call ? e.getChildByFieldName("arguments") : null;
      boolean detail = dn.equals("detail_route") || (args != null
          && PyValues.kwarg(args, "detail", f).map(d -> f.text(d).equals("True")).orElse(false));
      String name = f.text(defOf(node).getChildByFieldName("name"));
      String urlPath = args == null ? name
          : PyValues.kwarg(args, "url_path", f).flatMap(u -> PyStrings.value(f, u)).orElse(name);
      String verbs = args == null ? "" : stringList(f, PyValues.kwarg(args, "methods", f));
      return Optional.of(Map.entry(verbs.isEmpty() ? "GET" : verbs,
          (detail ? detailPath : listPath) + regex(urlPath) + "/"));
    }
    return Optional.empty();
  }

  private static String full(Mounts mounts, Registrations.Registration r, String pattern) {
    String p = Mounts.join(above(mounts, r), pattern);
    return p.startsWith("/") ? p : "/" + p;
  }

  private static String above(Mounts mounts, Registrations.Registration r) {
    return mounts.above(r.owner());
  }

  private static String slash(String p) {
    return p.endsWith("/") ? p : p + "/";
  }

  /** A Django regex pattern without its anchors; a plain path unchanged. */
  private static String regex(String p) {
    String s = p.startsWith("^") ? p.substring(1) : p;
    return s.endsWith("$") ? s.substring(0, s.length() - 1) : s;
  }

  private static String lookup(CodeFile f, TSNode cls) {
    for (TSNode st : SourceTree.namedChildren(cls.getChildByFieldName("body"))) {
      if (st.getType().equals("expression_statement") && st.getNamedChildCount() == 1
          && st.getNamedChild(0).getType().equals("assignment")) {
        TSNode a = st.getNamedChild(0);
        String left = f.text(a.getChildByFieldName("left"));
        TSNode right = a.getChildByFieldName("right");
        if ((left.equals("lookup_url_kwarg") || left.equals("lookup_field")) && right != null && !right.isNull()) {
          Optional<String> v = PyStrings.value(f, right);
          if (v.isPresent()) {
            return v.get();
          }
        }
      }
    }
    return "pk";
  }

  /** The methods a class body defines, by name, in order (decorated ones as their decorated node). */
  private static Map<String, TSNode> methods(CodeFile f, TSNode cls) {
    Map<String, TSNode> out = new LinkedHashMap<>();
    for (TSNode st : SourceTree.namedChildren(cls.getChildByFieldName("body"))) {
      TSNode def = defOf(st);
      if (def.getType().equals("function_definition")) {
        out.put(f.text(def.getChildByFieldName("name")), st);
      }
    }
    return out;
  }

  private static TSNode defOf(TSNode n) {
    return n.getType().equals("decorated_definition") ? n.getChildByFieldName("definition") : n;
  }

  private static List<String> bases(CodeFile f, TSNode cls) {
    List<String> out = new ArrayList<>();
    TSNode sup = cls.getChildByFieldName("superclasses");
    if (sup != null && !sup.isNull()) {
      for (TSNode b : SourceTree.namedChildren(sup)) {
        if (b.getType().equals("identifier") || b.getType().equals("attribute")) {
          out.add(lastName(f, b));
        }
      }
    }
    return out;
  }

  /**
   * The class a handler method belongs to, reduced to what the method needs to read as part of it: the header
   * and the class-level statements (attributes such as {@code serializer_class}), without the docstring and
   * the other methods.
   */
  static String skeleton(CodeFile f, TSNode cls) {
    TSNode body = cls.getChildByFieldName("body");
    String header = Snippet.dedent(f.text(cls).substring(0, body.getStartByte() - cls.getStartByte())).strip();
    StringBuilder sb = new StringBuilder(header);
    for (TSNode st : SourceTree.namedChildren(body)) {
      if (!st.getType().equals("expression_statement") || st.getNamedChildCount() == 0
          || st.getNamedChild(0).getType().equals("string")) {
        continue;
      }
      String code = Snippet.of(f.tree(), st, st);
      if (code.lines().count() > 6) {
        continue;
      }
      code.lines().forEach(l -> sb.append('\n').append(l.isBlank() ? "" : "    " + l));
    }
    return sb.toString();
  }

  private static String docOf(CodeFile f, TSNode def) {
    return PyStrings.docstring(f, def).map(Definitions::firstParagraph).orElse("");
  }

  private static String stringList(CodeFile f, Optional<TSNode> list) {
    if (list.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (TSNode m : SourceTree.namedChildren(list.get())) {
      PyStrings.value(f, m).ifPresent(v -> out.add(v.toUpperCase(Locale.ROOT)));
    }
    return String.join("|", out);
  }

  private static String lastName(CodeFile f, TSNode expr) {
    if (expr == null || expr.isNull()) {
      return "";
    }
    String q = f.text(expr);
    return q.contains(".") ? q.substring(q.lastIndexOf('.') + 1) : q;
  }

  private static Route.Wiring wiring(CodeFile f, TSNode call) {
    return new Route.Wiring(f.path(), f.lines(call).first(), Snippet.of(f.tree(), call, call), List.of());
  }
}
