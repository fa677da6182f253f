package dev.quarry.extract.context;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Limits;
import dev.quarry.syntax.FreeNames;
import dev.quarry.syntax.Grammar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The top-level definitions of every Python, TypeScript and JavaScript file of a repository, by name and by
 * file. Built once per extraction (one parse per file, trees released at once); holds only names and stubs.
 * Not thread-safe.
 */
final class SymbolTable {
  private final Map<String, List<Symbol>> byName = new TreeMap<>();
  private final Map<String, Map<String, Symbol>> byPath = new TreeMap<>();

  private SymbolTable() {}

  static SymbolTable of(Repository repo) {
    SymbolTable t = new SymbolTable();
    for (RepoFile f : repo.files()) {
      Optional<Grammar> g = Grammar.forPath(f.path());
      if (g.isEmpty() || !FreeNames.supports(g.get()) || f.size() > Limits.MAX_FILE_BYTES) {
        continue;
      }
      String text;
      try {
        text = repo.read(f);
      } catch (IOException e) {
        continue;
      }
      try (CodeFile c = CodeFile.parse(f, g.get(), text)) {
        for (Symbol s : FileSymbols.read(c)) {
          t.byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
          t.byPath.computeIfAbsent(s.path(), k -> new TreeMap<>()).putIfAbsent(s.name(), s);
        }
      }
    }
    return t;
  }

  /** The definition of {@code name} in the file at {@code path}, if it has one. */
  Optional<Symbol> inFile(String path, String name) {
    return Optional.ofNullable(byPath.getOrDefault(path, Map.of()).get(name));
  }

  /**
   * The definition of {@code name} in another file of the same language family, seen from {@code fromPath}:
   * importable ones only, test sources only for test files, the one sharing the longest directory prefix
   * with {@code fromPath} first, then by path.
   */
  Optional<Symbol> elsewhere(String fromPath, Grammar from, String name) {
    List<Symbol> all = byName.getOrDefault(name, List.of());
    return all.stream()
        .filter(s -> !s.path().equals(fromPath) && sameFamily(s.grammar(), from) && importable(s, fromPath))
        .min(Comparator.<Symbol>comparingInt(s -> -commonDirs(s.path(), fromPath)).thenComparing(Symbol::path));
  }

  /** The pytest fixtures named {@code name} in {@code conftest.py} files of {@code fromPath}'s folder or above. */
  Optional<Symbol> fixture(String fromPath, String name) {
    return byName.getOrDefault(name, List.of()).stream()
        .filter(s -> s.kind().equals("fixture") && s.path().endsWith("conftest.py")
            && fromPath.startsWith(parent(s.path())))
        .max(Comparator.comparingInt(s -> s.path().length()));
  }

  private static boolean importable(Symbol s, String fromPath) {
    if (s.kind().equals("fixture") || s.path().endsWith("conftest.py")) {
      return false;
    }
    if (!s.exported() || (s.grammar() == Grammar.PYTHON && s.name().startsWith("_"))) {
      return false;
    }
    return !TestPaths.isTest(s.path()) || TestPaths.isTest(fromPath);
  }

  static boolean sameFamily(Grammar a, Grammar b) {
    return (a == Grammar.PYTHON) == (b == Grammar.PYTHON);
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  private static int commonDirs(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    int i = 0;
    while (i < x.length - 1 && i < y.length - 1 && x[i].equals(y[i])) {
      i++;
    }
    return i;
  }
}
