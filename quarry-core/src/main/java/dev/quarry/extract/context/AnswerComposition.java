package dev.quarry.extract.context;

import dev.quarry.syntax.FreeNames;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * One assistant message made self-contained: each analysable code block gets the imports and short
 * definitions its free names need at its top.
 *
 * @param text the message with its code blocks rewritten
 * @param imports the import lines added, in order
 * @param given the repository symbols the code uses, for the context block, in order of first use
 * @param unresolved names no import or definition was found for, with their line in their block
 */
record AnswerComposition(String text, List<String> imports, Map<String, Symbol> given,
    Map<String, Integer> unresolved) {

  /**
   * Composes {@code content}; {@code bound} holds the names earlier blocks of the example bind (or import)
   * and receives this message's.
   */
  static AnswerComposition of(String content, SourceFacts src, Resolver resolver, SymbolTable table,
      Set<String> bound) {
    StringBuilder out = new StringBuilder(content.length() + 256);
    List<String> imports = new ArrayList<>();
    Map<String, Symbol> given = new LinkedHashMap<>();
    Map<String, Integer> unresolved = new LinkedHashMap<>();
    int pos = 0;
    for (Fences.Fence f : Fences.of(content)) {
      Optional<Grammar> g = Grammar.forFenceLabel(f.info());
      if (g.isEmpty() || !FreeNames.supports(g.get())) {
        continue;
      }
      String code = f.code(content);
      ImportSet imp = new ImportSet(g.get() == Grammar.PYTHON);
      Resolver.Into into = new Resolver.Into(imp, new ArrayList<>(), given);
      FreeNames.Result names;
      List<String> parameters;
      boolean fragment;
      try (SourceTree t = SourceTree.parse(g.get(), code)) {
        names = FreeNames.of(t);
        parameters = g.get() == Grammar.PYTHON ? testParameters(t) : List.of();
        fragment = isFragment(g.get(), code, t);
      }
      Set<String> seen = new HashSet<>(names.bound());
      seen.addAll(bound);
      Deque<Map.Entry<String, Integer>> work = new ArrayDeque<>();
      names.free().entrySet().stream().filter(n -> !seen.contains(n.getKey())).forEach(work::add);
      work.forEach(n -> seen.add(n.getKey()));
      while (!work.isEmpty()) {
        Map.Entry<String, Integer> n = work.poll();
        int inlined = into.inline().size();
        if (!resolver.resolve(n.getKey(), g.get(), src, into)) {
          unresolved.putIfAbsent(n.getKey(), n.getValue());
        }
        for (int i = inlined; i < into.inline().size(); i++) {
          try (SourceTree t = SourceTree.parse(g.get(), into.inline().get(i))) {
            for (String name : FreeNames.of(t).free().keySet()) {
              if (seen.add(name)) {
                work.add(Map.entry(name, n.getValue()));
              }
            }
          }
        }
      }
      if (g.get() == Grammar.PYTHON && !imp.isEmpty() && src.postponedAnnotations()
          && !code.contains("from __future__ import annotations")) {
        // The file postpones annotations, so its classes may name themselves in their methods' annotations.
        imp.future("annotations");
      }
      for (String p : parameters) {
        table.fixture(src.path(), p).ifPresent(s -> given.putIfAbsent(Resolver.key(s), s));
      }
      bound.addAll(seen);
      if (fragment && !(imp.isEmpty() && into.inline().isEmpty())) {
        out.append(content, pos, f.open()).append(f.fence()).append(f.info()).append('\n')
            .append(withHeader("", imp.lines(), into.inline()).strip()).append('\n').append(f.fence()).append("\n\n")
            .append(content, f.open(), f.start()).append(code);
      } else {
        out.append(content, pos, f.start()).append(withHeader(code, imp.lines(), into.inline()));
      }
      imports.addAll(imp.lines());
      pos = f.end();
    }
    out.append(content.substring(pos));
    return new AnswerComposition(out.toString(), imports, given, unresolved);
  }

  /**
   * Whether the code is an excerpt that a header cannot go above: an indented Python block (a method cut out
   * of its class) or TypeScript/JavaScript that parses only inside a class body. Its imports get a block of
   * their own, just before it.
   */
  private static boolean isFragment(Grammar g, String code, SourceTree tree) {
    String first = code.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (g == Grammar.PYTHON) {
      return first.startsWith(" ") || first.startsWith("\t");
    }
    if (!tree.hasError()) {
      return false;
    }
    try (SourceTree wrapped = SourceTree.parse(g, "class Q__ { " + code + "\n}")) {
      return !wrapped.hasError();
    }
  }

  /** The code with the import lines and repeated definitions above it (after a {@code __future__} import). */
  private static String withHeader(String code, List<String> imports, List<String> inline) {
    if (imports.isEmpty() && inline.isEmpty()) {
      return code;
    }
    String future = "";
    String rest = code;
    while (rest.startsWith("from __future__ import")) {
      int nl = rest.indexOf('\n');
      future += nl < 0 ? rest + "\n" : rest.substring(0, nl + 1);
      rest = nl < 0 ? "" : rest.substring(nl + 1);
    }
    StringBuilder s = new StringBuilder(future);
    if (!imports.isEmpty()) {
      s.append(String.join("\n", imports)).append("\n\n");
    }
    if (!inline.isEmpty()) {
      s.append(String.join("\n", inline)).append("\n\n");
    }
    return s.append(rest.replaceFirst("^([ \\t]*\n)+", "")).toString();
  }

  /** The parameter names of Python test functions ({@code test_*}), which pytest fills from fixtures. */
  private static List<String> testParameters(SourceTree t) {
    List<String> out = new ArrayList<>();
    t.walk(n -> {
      if (n.getType().equals("function_definition")) {
        TSNode name = n.getChildByFieldName("name");
        if (t.text(name).startsWith("test")) {
          for (TSNode p : SourceTree.namedChildren(n.getChildByFieldName("parameters"))) {
            TSNode id = p.getType().equals("identifier") ? p
                : p.getType().equals("typed_parameter") && p.getNamedChildCount() > 0 ? p.getNamedChild(0) : null;
            if (id != null && id.getType().equals("identifier")) {
              out.add(t.text(id));
            }
          }
        }
      }
      return true;
    });
    return out;
  }
}
