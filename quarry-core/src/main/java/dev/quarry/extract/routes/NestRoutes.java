package dev.quarry.extract.routes;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.DocComments;
import dev.quarry.extract.code.JsStrings;
import dev.quarry.extract.code.Snippet;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * NestJS routes: methods of a {@code @Controller(prefix)} class decorated {@code @Get(path)}, {@code @Post}
 * … {@code @All}, under the application's {@code setGlobalPrefix} and, when URI versioning is enabled, the
 * controller's or method's version ({@code @Controller({path, version})}, {@code @Version("2")} → {@code /v2}).
 * Each route is shown inside the controller's skeleton (its decorators, header and constructor), which carries
 * the injected services the handler uses.
 */
final class NestRoutes {
  private static final Map<String, String> VERBS = Map.of("Get", "GET", "Post", "POST", "Put", "PUT", "Delete",
      "DELETE", "Patch", "PATCH", "Options", "OPTIONS", "Head", "HEAD", "All", "ANY");
  private static final Pattern GLOBAL_PREFIX = Pattern.compile("\\.setGlobalPrefix\\(\\s*['\"`]([^'\"`]*)['\"`]");

  /**
   * What the bootstrap code configures for every controller.
   *
   * @param prefix the global prefix, or ""
   * @param uriVersioning whether {@code enableVersioning} was called (URI versioning is Nest's default type)
   */
  record App(String prefix, boolean uriVersioning) {
    static final App NONE = new App("", false);
  }

  private NestRoutes() {}

  /** Pre-pass over a file's text: the global prefix and versioning it sets, added to {@code app}. */
  static App scan(String text, App app) {
    String prefix = app.prefix();
    Matcher m = GLOBAL_PREFIX.matcher(text);
    if (prefix.isEmpty() && m.find()) {
      prefix = m.group(1);
    }
    boolean versioning = app.uriVersioning() || (text.contains("enableVersioning(")
        && !text.contains("VersioningType.HEADER") && !text.contains("VersioningType.MEDIA_TYPE"));
    return new App(prefix, versioning);
  }

  /** The routes of a file's controllers; each candidate spans a handler method and its decorators. */
  static List<Candidate<?>> routes(CodeFile f, App app) {
    if (!f.jsImports().importsAny("@nestjs/common")) {
      return List.of();
    }
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("class_declaration")) {
        controller(f, n, app, out);
        return false;
      }
      return n.getType().equals("program") || n.getType().equals("export_statement");
    });
    return out;
  }

  private static void controller(CodeFile f, TSNode cls, App app, List<Candidate<?>> out) {
    TSNode holder = cls.getParent() != null && !cls.getParent().isNull()
        && cls.getParent().getType().equals("export_statement") ? cls.getParent() : cls;
    List<TSNode> decorators = new ArrayList<>(decorators(holder));
    if (holder != cls) {
      decorators.addAll(decorators(cls));
    }
    Optional<TSNode> ctl = decorators.stream().filter(d -> name(f, d).equals("Controller")).findFirst();
    if (ctl.isEmpty()) {
      return;
    }
    String prefix = "";
    String version = "";
    List<TSNode> args = arguments(ctl.get());
    if (!args.isEmpty()) {
      TSNode a = args.get(0);
      if (a.getType().equals("object")) {
        prefix = property(f, a, "path").orElse("");
        version = property(f, a, "version").orElse("");
      } else {
        prefix = literal(f, a);
      }
    }
    String className = f.text(cls.getChildByFieldName("name"));
    String skeleton = skeleton(f, holder, cls);
    List<TSNode> members = SourceTree.namedChildren(cls.getChildByFieldName("body"));
    for (int i = 0; i < members.size(); i++) {
      TSNode m = members.get(i);
      if (!m.getType().equals("method_definition")) {
        continue;
      }
      int first = i;
      while (first > 0 && members.get(first - 1).getType().equals("decorator")) {
        first--;
      }
      String method = null;
      String path = "";
      String methodVersion = version;
      String summary = "";
      for (TSNode d : members.subList(first, i)) {
        String dn = name(f, d);
        if (VERBS.containsKey(dn)) {
          method = VERBS.get(dn);
          List<TSNode> da = arguments(d);
          path = da.isEmpty() ? "" : literal(f, da.get(0));
        } else if (dn.equals("Version") && !arguments(d).isEmpty()) {
          methodVersion = literal(f, arguments(d).get(0));
        } else if (dn.equals("ApiOperation") && !arguments(d).isEmpty()
            && arguments(d).get(0).getType().equals("object")) {
          summary = property(f, arguments(d).get(0), "summary").orElse("");
        }
      }
      if (method == null) {
        continue;
      }
      TSNode start = members.get(first);
      if (summary.isEmpty()) {
        summary = DocComments.before(f, start).map(Definitions::firstParagraph).orElse("");
      }
      String versioned = app.uriVersioning() && !methodVersion.isEmpty() ? "v" + methodVersion : "";
      String above = Mounts.join(Mounts.join(app.prefix(), versioned), prefix);
      String full = Mounts.join(above, path);
      full = full.startsWith("/") ? full : "/" + full;
      String handler = f.text(m.getChildByFieldName("name"));
      TSNode firstNode = DocComments.nodeBefore(f, start).orElse(start);
      out.add(new Candidate<>(method + " " + full, firstNode, m, new Route(method, full, "nestjs", handler,
          summary, className, above.isEmpty() ? "" : (above.startsWith("/") ? above : "/" + above), List.of(),
          skeleton, "", Route.Wiring.NONE)));
    }
  }

  /**
   * The controller without its handlers: decorators, the class header and the constructor (the services it
   * injects), ending with the open brace; the method shown after it is closed by the caller.
   */
  private static String skeleton(CodeFile f, TSNode holder, TSNode cls) {
    TSNode body = cls.getChildByFieldName("body");
    String header = Snippet.dedent(f.tree().text(holder.getStartByte(), body.getStartByte())).strip() + " {";
    StringBuilder sb = new StringBuilder(header);
    for (TSNode m : SourceTree.namedChildren(body)) {
      boolean ctor = m.getType().equals("method_definition")
          && f.text(m.getChildByFieldName("name")).equals("constructor");
      if (ctor || m.getType().equals("public_field_definition")) {
        String code = Snippet.of(f.tree(), m, m);
        if (code.lines().count() <= 8) {
          code.lines().forEach(l -> sb.append('\n').append(l.isBlank() ? "" : "  " + l));
        }
      }
    }
    return sb.toString();
  }

  private static List<TSNode> decorators(TSNode n) {
    List<TSNode> out = new ArrayList<>();
    for (TSNode c : SourceTree.namedChildren(n)) {
      if (c.getType().equals("decorator")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The decorator's name: {@code Get} of {@code @Get(':id')} or {@code @Get}. */
  private static String name(CodeFile f, TSNode decorator) {
    if (decorator.getNamedChildCount() == 0) {
      return "";
    }
    TSNode e = decorator.getNamedChild(0);
    if (e.getType().equals("call_expression")) {
      e = e.getChildByFieldName("function");
    }
    String t = f.text(e);
    return t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
  }

  private static List<TSNode> arguments(TSNode decorator) {
    if (decorator.getNamedChildCount() == 0 || !decorator.getNamedChild(0).getType().equals("call_expression")) {
      return List.of();
    }
    return SourceTree.namedChildren(decorator.getNamedChild(0).getChildByFieldName("arguments")).stream()
        .filter(a -> !a.getType().equals("comment")).toList();
  }

  /** A string literal's value, the first string of an array, or the expression in braces. */
  private static String literal(CodeFile f, TSNode v) {
    if (JsStrings.isLiteral(v)) {
      return JsStrings.value(f, v);
    }
    if (v.getType().equals("array")) {
      List<TSNode> items = SourceTree.namedChildren(v);
      return items.isEmpty() ? "" : literal(f, items.get(0));
    }
    return "{" + f.text(v) + "}";
  }

  private static Optional<String> property(CodeFile f, TSNode object, String key) {
    for (TSNode p : SourceTree.namedChildren(object)) {
      if (p.getType().equals("pair")) {
        String k = f.text(p.getChildByFieldName("key")).replace("'", "").replace("\"", "");
        if (k.equals(key)) {
          return Optional.of(literal(f, p.getChildByFieldName("value")));
        }
      }
    }
    return Optional.empty();
  }
}
