package dev.quarry.extract.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.Modules;
import dev.quarry.io.Json;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.treesitter.TSNode;

/**
 * What the repository's JavaScript/TypeScript packages export: for each {@code package.json} with a name, its
 * {@code exports} map (or {@code types}/{@code module}/{@code main} as {@code "."}), each entry's build target
 * mapped back to its source file ({@code ./dist/src/index.js} to {@code src/index.ts}), and the names that entry
 * exports, following {@code export … from} and {@code export * from} re-exports. Answers then import
 * {@code @acme/aikit} rather than {@code ../hooks/useAgent.js}. Built once per extraction; not thread-safe.
 * Public so an extractor that writes consumer code (the hooks extractor's demo components) imports what it uses
 * the way an application outside the package would.
 */
public final class PackageExports {
  private static final int MAX_DEPTH = 6;
  private static final List<String> BUILD_DIRS = List.of("dist/", "build/", "lib/", "out/", "esm/", "cjs/");
  private static final List<String> SOURCE_EXTENSIONS = List.of(".ts", ".tsx", ".js", ".jsx", ".mts", ".mjs");

  /**
   * One exported entry: its import specifier, the names it exports, and where they are declared
   * ({@code path#name}, for the declarations and re-exports a tree walk can follow).
   */
  private record Entry(String specifier, String packageDir, Set<String> names, Set<String> origins) {}

  private final List<Entry> entries = new ArrayList<>();

  private PackageExports() {}

  /** Reads every named {@code package.json} of {@code repo} and the names its entries export. */
  public static PackageExports of(Repository repo, Modules modules) {
    PackageExports p = new PackageExports();
    for (RepoFile f : repo.files()) {
      if (!f.name().equals("package.json") || f.path().contains("node_modules/")) {
        continue;
      }
      JsonNode pkg;
      try {
        pkg = Json.mapper().readTree(repo.read(f));
      } catch (IOException | RuntimeException e) {
        continue;
      }
      String name = pkg.path("name").asText("");
      if (name.isEmpty()) {
        continue;
      }
      String dir = SymbolTable.parent(f.path());
      for (Map.Entry<String, String> e : targets(pkg).entrySet()) {
        String sub = e.getKey().equals(".") ? "" : e.getKey().replaceFirst("^\\./", "/");
        Optional<RepoFile> source = source(modules, dir, e.getValue());
        if (source.isPresent() && !sub.contains("*")) {
          Set<String> names = new HashSet<>();
          Set<String> origins = new HashSet<>();
          collect(repo, modules, source.get(), new Found(names, origins), new HashSet<>(), 0);
          p.entries.add(new Entry(name + sub, dir, names, origins));
        }
      }
    }
    p.entries.sort((a, b) -> Integer.compare(a.specifier().length(), b.specifier().length()));
    return p;
  }

  /**
   * The specifier to import {@code name} defined in {@code definingPath} from, seen from {@code fromPath}: the
   * shortest entry of the package holding that file that exports the name. Empty when the importing file is
   * (non-test) source of that same package: its modules import each other by relative path, as a
   * self-import through the package entry would create an import cycle.
   */
  Optional<String> specifier(String fromPath, String definingPath, String name) {
    for (Entry e : entries) {
      if (fromPath.startsWith(e.packageDir()) && !TestPaths.isTest(fromPath)
          && definingPath.startsWith(e.packageDir())) {
        return Optional.empty();
      }
      if (definingPath.startsWith(e.packageDir()) && e.names().contains(name)) {
        return Optional.of(e.specifier());
      }
    }
    return Optional.empty();
  }

  /**
   * The specifier an application outside the package holding {@code memberPath} imports {@code name} from: the
   * shortest entry of that package that exports it; empty when no package holds the file or none of its
   * entries exports the name.
   */
  public Optional<String> forConsumer(String memberPath, String name) {
    for (Entry e : entries) {
      if (memberPath.startsWith(e.packageDir()) && e.names().contains(name)) {
        return Optional.of(e.specifier());
      }
    }
    return Optional.empty();
  }

  /**
   * The specifier an application imports {@code name}, declared in {@code definingPath}, from: the shortest
   * entry whose exports lead to that declaration (so a Vue {@code useChat} is not imported from the entry that
   * exports the React one); empty when no entry does.
   */
  public Optional<String> forConsumerOf(String definingPath, String name) {
    for (Entry e : entries) {
      if (e.origins().contains(definingPath + "#" + name)) {
        return Optional.of(e.specifier());
      }
    }
    return Optional.empty();
  }

  /**
   * The declarations ({@code path#name}, sorted) of the names ending in {@code suffix} that the package holding
   * {@code memberPath} exports, e.g. its React context providers ({@code sdk/src/context.tsx#AcmeProvider}).
   */
  public List<String> exportedEndingWith(String memberPath, String suffix) {
    Set<String> out = new java.util.TreeSet<>();
    for (Entry e : entries) {
      if (memberPath.startsWith(e.packageDir())) {
        e.origins().stream().filter(o -> o.endsWith(suffix) && o.lastIndexOf('#') < o.length() - suffix.length())
            .forEach(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** What a walk over an entry's files finds: exported names and their declarations ({@code path#name}). */
  private record Found(Set<String> names, Set<String> origins) {
    void add(String name, String declaredIn) {
      names.add(name);
      origins.add(declaredIn + "#" + name);
    }
  }

  private static Map<String, String> targets(JsonNode pkg) {
    Map<String, String> out = new TreeMap<>();
    JsonNode exports = pkg.path("exports");
    if (exports.isTextual()) {
      out.put(".", exports.asText());
    } else if (exports.isObject()) {
      boolean subpaths = exports.fieldNames().hasNext() && exports.fieldNames().next().startsWith(".");
      if (!subpaths) {
        condition(exports).ifPresent(t -> out.put(".", t));
      } else {
        exports.fields().forEachRemaining(e -> condition(e.getValue()).ifPresent(t -> out.put(e.getKey(), t)));
      }
    }
    if (!out.containsKey(".")) {
      for (String k : List.of("types", "typings", "module", "main")) {
        if (pkg.path(k).isTextual()) {
          out.put(".", pkg.path(k).asText());
          break;
        }
      }
    }
    return out;
  }

  private static Optional<String> condition(JsonNode n) {
    if (n.isTextual()) {
      return Optional.of(n.asText());
    }
    for (String k : List.of("types", "import", "default", "require", "node")) {
      if (n.has(k)) {
        Optional<String> t = condition(n.get(k));
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<RepoFile> source(Modules modules, String dir, String target) {
    String t = target.replaceFirst("^\\./", "");
    String stem = t.replaceFirst("\\.d\\.ts$", "").replaceFirst("\\.(c|m)?[jt]sx?$", "");
    List<String> stems = new ArrayList<>(List.of(stem));
    for (String b : BUILD_DIRS) {
      if (stem.startsWith(b)) {
        String rest = stem.substring(b.length());
        stems.add(rest);
        stems.add("src/" + rest);
      }
    }
    for (String s : stems) {
      for (String ext : SOURCE_EXTENSIONS) {
        Optional<RepoFile> f = modules.file(dir + s + ext);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    return Optional.empty();
  }

  private static void collect(Repository repo, Modules modules, RepoFile file, Found names, Set<String> seen,
      int depth) {
    Optional<Grammar> g = Grammar.forPath(file.path());
    if (depth > MAX_DEPTH || !seen.add(file.path()) || g.isEmpty()) {
      return;
    }
    String text;
    try {
      text = repo.read(file);
    } catch (IOException e) {
      return;
    }
    List<RepoFile> stars = new ArrayList<>();
    try (CodeFile f = CodeFile.parse(file, g.get(), text)) {
      for (TSNode n : SourceTree.namedChildren(f.root())) {
        if (n.getType().equals("export_statement")) {
          exportStatement(f, n, names, modules, stars);
        }
      }
    }
    for (RepoFile s : stars) {
      collect(repo, modules, s, names, seen, depth + 1);
    }
  }

  private static void exportStatement(CodeFile f, TSNode n, Found names, Modules modules, List<RepoFile> stars) {
    TSNode decl = n.getChildByFieldName("declaration");
    if (decl != null && !decl.isNull()) {
      TSNode name = decl.getChildByFieldName("name");
      if (name != null && !name.isNull()) {
        names.add(f.text(name), f.path());
      }
      for (TSNode v : SourceTree.namedChildren(decl)) {
        TSNode vn = v.getType().equals("variable_declarator") ? v.getChildByFieldName("name") : null;
        if (vn != null && !vn.isNull() && vn.getType().equals("identifier")) {
          names.add(f.text(vn), f.path());
        }
      }
      return;
    }
    boolean clause = false;
    TSNode from = n.getChildByFieldName("source");
    String declaredIn = from == null || from.isNull() ? f.path() : modules.js(f.path(),
        f.text(from).replaceAll("^['\"]|['\"]$", "")).map(RepoFile::path).orElse(f.path());
    for (TSNode c : SourceTree.namedChildren(n)) {
      if (c.getType().equals("export_clause")) {
        clause = true;
        for (TSNode s : SourceTree.namedChildren(c)) {
          TSNode alias = s.getChildByFieldName("alias");
          TSNode name = alias == null || alias.isNull() ? s.getChildByFieldName("name") : alias;
          if (name != null && !name.isNull()) {
            names.add(f.text(name), declaredIn);
          }
        }
      }
    }
    TSNode source = n.getChildByFieldName("source");
    if (!clause && source != null && !source.isNull()) {
      String spec = f.text(source).replaceAll("^['\"]|['\"]$", "");
      modules.js(f.path(), spec).ifPresent(stars::add);
    }
  }
}
