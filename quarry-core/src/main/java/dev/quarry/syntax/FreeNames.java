package dev.quarry.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.treesitter.TSNode;

/**
 * The free names of a piece of Python, TypeScript or JavaScript code: the identifiers it uses minus the names
 * it binds anywhere (definitions, parameters, assignment and loop targets, imports, {@code as} targets) and
 * the language's built-ins. One flat scope: a name bound anywhere in the code counts as bound everywhere,
 * which can miss a use before its definition but never reports a name the code does define.
 *
 * <p>Test-runner globals ({@code describe}, {@code it}, {@code expect} …) are free: whether they need an
 * import depends on the runner; {@link #isTestGlobal} tells them apart. Thread-safe; the name lists are
 * resource files beside this class ({@code python-builtins.txt}, {@code js-globals.txt},
 * {@code test-globals.txt}).
 */
public final class FreeNames {
  private static final Set<String> PYTHON_BUILTINS = load("python-builtins.txt");
  private static final Set<String> JS_GLOBALS = load("js-globals.txt");
  private static final Set<String> TEST_GLOBALS = load("test-globals.txt");

  /**
   * What the analysis found.
   *
   * @param free the free names, each with the 1-based line of its first use, in order of first use
   * @param bound every name the code binds, sorted
   */
  public record Result(Map<String, Integer> free, Set<String> bound) {
    /** Copies, keeping the order of {@code free}. */
    public Result {
      free = Collections.unmodifiableMap(new LinkedHashMap<>(free));
      bound = Collections.unmodifiableSet(new TreeSet<>(bound));
    }
  }

  private FreeNames() {}

  /** Whether {@code grammar}'s code can be analysed: Python, TypeScript, TSX and JavaScript. */
  public static boolean supports(Grammar grammar) {
    return grammar == Grammar.PYTHON || isScript(grammar);
  }

  /** Whether {@code name} is a global of JavaScript test runners (Jest, Mocha, Vitest with globals). */
  public static boolean isTestGlobal(String name) {
    return TEST_GLOBALS.contains(name);
  }

  /** Whether {@code name} is a built-in of {@code grammar}'s language (never free). */
  public static boolean isBuiltin(Grammar grammar, String name) {
    return grammar == Grammar.PYTHON ? PYTHON_BUILTINS.contains(name) : JS_GLOBALS.contains(name);
  }

  /**
   * The free names of {@code tree}; an unsupported grammar has none. Parts of the tree with syntax errors are
   * analysed as far as the parser recovered them.
   */
  public static Result of(SourceTree tree) {
    if (!supports(tree.grammar())) {
      return new Result(Map.of(), Set.of());
    }
    Set<Integer> binding = new HashSet<>();
    Set<Integer> ignored = new HashSet<>();
    Set<String> bound = new HashSet<>();
    Binder binder = new Binder(tree, binding, ignored, bound);
    boolean python = tree.grammar() == Grammar.PYTHON;
    // One walk: every binding position is registered by an ancestor of the identifier (pre-order), and names
    // are bound in one flat scope, so uses are collected here and filtered once the walk is over.
    List<Use> uses = new ArrayList<>();
    tree.walkTyped((n, type) -> {
      if (python) {
        binder.python(n, type);
      } else {
        binder.script(n, type);
      }
      if (isUse(python, type)) {
        int start = n.getStartByte();
        uses.add(new Use(start, tree.text(start, n.getEndByte()), SourceTree.line(n)));
      }
      return !python || !type.equals("string") || hasInterpolation(n);
    });
    Map<String, Integer> free = new LinkedHashMap<>();
    for (Use u : uses) {
      if (!binding.contains(u.start()) && !ignored.contains(u.start()) && !bound.contains(u.name())
          && !isBuiltin(tree.grammar(), u.name())) {
        free.putIfAbsent(u.name(), u.line());
      }
    }
    return new Result(free, bound);
  }

  /** An identifier that may use a name: its start byte, text and 1-based line. */
  private record Use(int start, String name, int line) {}

  private static boolean hasInterpolation(TSNode string) {
    for (TSNode c : SourceTree.namedChildren(string)) {
      if (c.getType().equals("interpolation")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUse(boolean python, String t) {
    if (python) {
      return t.equals("identifier");
    }
    return t.equals("identifier") || t.equals("type_identifier") || t.equals("shorthand_property_identifier");
  }

  static boolean isScript(Grammar g) {
    return g == Grammar.TYPESCRIPT || g == Grammar.TSX || g == Grammar.JAVASCRIPT;
  }

  private static Set<String> load(String resource) {
    try (InputStream in = FreeNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " beside " + FreeNames.class.getName());
      }
      Set<String> out = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
