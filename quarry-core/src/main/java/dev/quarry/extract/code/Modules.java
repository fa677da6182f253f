package dev.quarry.extract.code;

import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves imports to files of the repository (Python dotted modules, relative or absolute; JavaScript and
 * TypeScript relative specifiers) and reads the top-level definitions of other files, keeping a bounded
 * cache so memory does not grow with the repository. Not thread-safe.
 */
public final class Modules {
  private static final int CACHE_FILES = 2048;
  private static final List<String> JS_EXTENSIONS = List.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts");

  private final Repository repo;
  private Map<String, RepoFile> byPath;
  private Map<String, List<RepoFile>> byTail;
  private final Map<String, Definitions> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Definitions> eldest) {
      return size() > CACHE_FILES;
    }
  };

  /** A resolver over {@code repo}'s files. */
  public Modules(Repository repo) {
    this.repo = repo;
  }

  private Map<String, RepoFile> byPath() {
    if (byPath == null) {
      byPath = new TreeMap<>();
      for (RepoFile f : repo.files()) {
        byPath.put(f.path(), f);
      }
    }
    return byPath;
  }

  private List<RepoFile> withTail(String suffix) {
    if (byTail == null) {
      byTail = new TreeMap<>();
      for (RepoFile f : byPath().values()) {
        byTail.computeIfAbsent(tail(f.path()), k -> new ArrayList<>()).add(f);
      }
    }
    return byTail.getOrDefault(tail(suffix), List.of());
  }

  /** The last segment of a path, or the last two for a package's {@code __init__.py}. */
  private static String tail(String path) {
    String[] parts = path.split("/");
    String last = parts[parts.length - 1];
    return last.equals("__init__.py") && parts.length > 1 ? parts[parts.length - 2] + "/" + last : last;
  }

  /** The file at a repository-relative path, if it exists. */
  public Optional<RepoFile> file(String path) {
    return Optional.ofNullable(byPath().get(path));
  }

  /**
   * The file a Python module stands for, seen from {@code fromPath}: relative modules ({@code .x},
   * {@code ..x}) from the importing file's package; absolute ones under any source root, preferring the one
   * closest to the importing file. Tries {@code a/b.py} then {@code a/b/__init__.py}.
   */
  public Optional<RepoFile> python(String fromPath, String module) {
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') {
        dots++;
      }
      String dir = parent(fromPath);
      for (int i = 1; i < dots; i++) {
        dir = parent(dir);
      }
      String rest = module.substring(dots).replace('.', '/');
      String base = dir.isEmpty() ? rest : rest.isEmpty() ? dir : dir + "/" + rest;
      return firstExisting(List.of(base + ".py", base + "/__init__.py"));
    }
    String rel = module.replace('.', '/');
    List<String> suffixes = List.of(rel + ".py", rel + "/__init__.py");
    RepoFile best = null;
    int bestScore = -1;
    for (String s : suffixes) {
      for (RepoFile f : withTail(s)) {
        if (f.path().equals(s) || f.path().endsWith("/" + s)) {
          int score = commonPrefix(f.path(), fromPath);
          if (score > bestScore) {
            best = f;
            bestScore = score;
          }
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  /** The file a relative JavaScript/TypeScript specifier stands for; empty for packages. */
  public Optional<RepoFile> js(String fromPath, String specifier) {
    if (!specifier.startsWith(".")) {
      return Optional.empty();
    }
    String base = normalize(parent(fromPath), specifier);
    List<String> tries = new ArrayList<>();
    tries.add(base);
    String stem = base;
    for (String ext : List.of(".js", ".jsx", ".mjs", ".cjs")) {
      if (base.endsWith(ext)) {
        stem = base.substring(0, base.length() - ext.length());
      }
    }
    for (String ext : JS_EXTENSIONS) {
      tries.add(stem + ext);
    }
    for (String ext : JS_EXTENSIONS) {
      tries.add(base + "/index" + ext);
    }
    return firstExisting(tries);
  }

  /** The Java source file declaring top-level type {@code simpleName}, preferring main over test sources. */
  public Optional<RepoFile> javaType(String simpleName) {
    RepoFile best = null;
    for (RepoFile f : withTail(simpleName + ".java")) {
      if (best == null || (best.path().contains("/test/") && !f.path().contains("/test/"))) {
        best = f;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The top-level definitions of {@code file} (parsed once, cached). */
  public Definitions definitions(RepoFile file) {
    Definitions d = cache.get(file.path());
    if (d == null) {
      d = Definitions.read(repo, file);
      cache.put(file.path(), d);
    }
    return d;
  }

  private Optional<RepoFile> firstExisting(List<String> paths) {
    for (String p : paths) {
      RepoFile f = byPath().get(p);
      if (f != null) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String normalize(String dir, String rel) {
    List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
    for (String p : rel.split("/")) {
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!p.equals(".") && !p.isEmpty()) {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
