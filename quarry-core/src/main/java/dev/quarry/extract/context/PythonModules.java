package dev.quarry.extract.context;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The dotted module name of a repository's Python file, derived from its path relative to the package root:
 * the folders above it that hold an {@code __init__.py} form the package ({@code backend/app/routers/x.py}
 * with {@code backend/app/__init__.py} and {@code backend/app/routers/__init__.py} is {@code app.routers.x}).
 * A file outside any package is a top-level module named by its stem.
 */
final class PythonModules {
  private final Set<String> paths;

  PythonModules(Set<String> paths) {
    this.paths = paths;
  }

  String moduleOf(String path) {
    String dir = SymbolTable.parent(path);
    String file = path.substring(dir.length());
    String stem = file.endsWith(".pyi") ? file.substring(0, file.length() - 4)
        : file.endsWith(".py") ? file.substring(0, file.length() - 3) : file;
    Deque<String> parts = new ArrayDeque<>();
    if (!stem.equals("__init__")) {
      parts.add(stem);
    }
    while (!dir.isEmpty() && paths.contains(dir + "__init__.py")) {
      String d = dir.substring(0, dir.length() - 1);
      int slash = d.lastIndexOf('/');
      parts.addFirst(d.substring(slash + 1));
      dir = slash < 0 ? "" : d.substring(0, slash + 1);
    }
    return String.join(".", parts);
  }
}
