package dev.quarry.extract.routes;

import dev.quarry.extract.code.Candidate;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.DocComments;
import dev.quarry.extract.code.Definitions;
import dev.quarry.extract.code.Signatures;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * Spring MVC routes: methods annotated {@code @GetMapping}, {@code @PostMapping} … or
 * {@code @RequestMapping(method = …)}, under the class-level {@code @RequestMapping} prefix.
 */
final class SpringRoutes {
  private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("GET", "POST", "PUT", "DELETE",
      "PATCH", "HEAD", "OPTIONS", "TRACE");

  private SpringRoutes() {}

  /** The routes of a Java file; each candidate spans the annotated method. */
  static List<Candidate<?>> routes(CodeFile f) {
    List<Candidate<?>> out = new ArrayList<>();
    SourceTree.walk(f.root(), n -> {
      if (n.getType().equals("class_declaration")) {
        controller(f, n, out);
        return false;
      }
      return n.getType().equals("program");
    });
    return out;
  }

  private static void controller(CodeFile f, TSNode cls, List<Candidate<?>> out) {
    String prefix = "";
    for (TSNode a : Signatures.javaAnnotations(cls)) {
      if (Signatures.annotationName(f, a).equals("RequestMapping")) {
        prefix = path(f, a).orElse("");
      }
    }
    String className = f.text(cls.getChildByFieldName("name"));
    for (TSNode m : SourceTree.namedChildren(cls.getChildByFieldName("body"))) {
      if (m.getType().equals("class_declaration")) {
        controller(f, m, out);
      }
      if (!m.getType().equals("method_declaration")) {
        continue;
      }
      for (TSNode a : Signatures.javaAnnotations(m)) {
        String name = Signatures.annotationName(f, a);
        Optional<String> method = switch (name) {
          case "GetMapping" -> Optional.of("GET");
          case "PostMapping" -> Optional.of("POST");
          case "PutMapping" -> Optional.of("PUT");
          case "DeleteMapping" -> Optional.of("DELETE");
          case "PatchMapping" -> Optional.of("PATCH");
          case "RequestMapping" -> Optional.of(requestMethod(f, a));
          default -> Optional.empty();
        };
        if (method.isEmpty()) {
          continue;
        }
        String path = Mounts.join(prefix, path(f, a).orElse(""));
        if (path.isEmpty()) {
          path = "/";
        }
        String handler = f.text(m.getChildByFieldName("name"));
        String summary = DocComments.before(f, m).map(Definitions::firstParagraph).orElse("");
        TSNode first = DocComments.nodeBefore(f, m).orElse(m);
        out.add(new Candidate<>(method.get() + " " + path, first, m,
            new Route(method.get(), path, "spring", handler, summary, className, prefix, java.util.List.of())));
      }
    }
  }

  /** The path of a mapping annotation: its single value, or {@code value}/{@code path}; first of an array. */
  private static Optional<String> path(CodeFile f, TSNode annotation) {
    TSNode args = annotation.getChildByFieldName("arguments");
    if (args == null || args.isNull()) {
      return Optional.empty();
    }
    for (TSNode arg : SourceTree.namedChildren(args)) {
      if (arg.getType().equals("element_value_pair")) {
        String key = f.text(arg.getChildByFieldName("key"));
        if (key.equals("value") || key.equals("path")) {
          return Optional.of(value(f, arg.getChildByFieldName("value")));
        }
      } else if (!arg.getType().contains("comment")) {
        return Optional.of(value(f, arg));
      }
    }
    return Optional.empty();
  }

  private static String value(CodeFile f, TSNode v) {
    if (v.getType().equals("element_value_array_initializer")) {
      List<TSNode> items = SourceTree.namedChildren(v);
      return items.isEmpty() ? "" : value(f, items.get(0));
    }
    if (v.getType().equals("string_literal")) {
      String t = f.text(v);
      return t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
    }
    return "{" + f.text(v) + "}";
  }

  private static String requestMethod(CodeFile f, TSNode annotation) {
    TSNode args = annotation.getChildByFieldName("arguments");
    if (args != null && !args.isNull()) {
      for (TSNode arg : SourceTree.namedChildren(args)) {
        if (arg.getType().equals("element_value_pair") && f.text(arg.getChildByFieldName("key")).equals("method")) {
          List<String> out = new ArrayList<>();
          SourceTree.walk(arg.getChildByFieldName("value"), n -> {
            if (n.getType().equals("identifier")) {
              String m = f.text(n).toUpperCase(Locale.ROOT);
              if (HTTP_METHODS.contains(m) && !out.contains(m)) {
                out.add(m);
              }
            }
            return true;
          });
          return out.isEmpty() ? "ANY" : String.join("|", out);
        }
      }
    }
    return "ANY";
  }
}
