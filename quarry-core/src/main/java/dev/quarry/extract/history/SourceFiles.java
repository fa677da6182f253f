package dev.quarry.extract.history;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Which changed files count as source, test, generated or vendored, by path alone (old versions have no walk). */
final class SourceFiles {
  private static final Map<String, String> LANGUAGES = new TreeMap<>(Map.ofEntries(
      Map.entry("py", "python"), Map.entry("ts", "typescript"), Map.entry("tsx", "tsx"),
      Map.entry("js", "javascript"), Map.entry("jsx", "jsx"), Map.entry("mjs", "javascript"),
      Map.entry("java", "java"), Map.entry("go", "go"), Map.entry("rs", "rust"), Map.entry("rb", "ruby"),
      Map.entry("kt", "kotlin"), Map.entry("sql", "sql"), Map.entry("sh", "bash")));
  private static final Set<String> VENDORED = Set.of("node_modules", "vendor", "third_party", ".venv", "venv",
      "site-packages", "dist", "build", "target", ".next", "coverage", "__pycache__", "generated", "migrations");
  private static final Set<String> LOCKS = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
      "poetry.lock", "uv.lock", "Cargo.lock", "go.sum", "Pipfile.lock");

  private SourceFiles() {}

  /** The fence language of a source file, or empty for docs, data and configuration. */
  static Optional<String> language(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0 || name.endsWith(".min.js") || name.endsWith(".d.ts")) {
      return Optional.empty();
    }
    return Optional.ofNullable(LANGUAGES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** Why the file is not hand-written source: "vendored", "generated", or empty when it is. */
  static Optional<String> machineMade(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (LOCKS.contains(name) || name.contains(".generated.") || name.contains(".gen.") || name.endsWith("_pb2.py") || name.endsWith(".min.js")) {
      return Optional.of("generated");
    }
    for (String part : path.split("/")) {
      if (VENDORED.contains(part)) {
        return Optional.of(part.equals("generated") || part.equals("migrations") ? "generated" : "vendored");
      }
    }
    return Optional.empty();
  }

  /** Whether the path is a test file. */
  static boolean isTest(String path) {
    String p = "/" + path.toLowerCase(Locale.ROOT);
    String name = p.substring(p.lastIndexOf('/') + 1);
    return p.contains("/tests/") || p.contains("/test/") || p.contains("/__tests__/") || name.startsWith("test_")
        || name.endsWith("_test.py") || name.contains(".test.") || name.contains(".spec.") || name.endsWith("test.java")
        || name.equals("conftest.py");
  }
}
