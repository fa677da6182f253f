package dev.quarry.validate.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import dev.quarry.syntax.Grammar;
import dev.quarry.validate.CodeBlock;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Type-checks the code of an answer: {@code tsc --noEmit --strict} for TypeScript/TSX (relative imports resolve
 * into the repository beside the mined file, the repository's own packages by name, other packages from the
 * repository's {@code node_modules} or {@code ~/.cache/quarry-ts/node_modules}); pyflakes (default) or mypy for
 * Python, with the repository on the search path. Checkers read code and never run it, so they run outside
 * the {@link Sandbox}, in a throw-away folder with a scrubbed environment and the wall-clock limit. A checker
 * that is not installed is a skip, never a failure. Results are cached. Thread-safe.
 */
public final class TypeChecker {
  /** One problem the checker found in an answer file. */
  private record Diagnostic(AnswerFile file, int line, String message) {}

  /** A result with the diagnostics behind it. */
  private record Checked(CheckResult result, List<Diagnostic> diagnostics) {}

  private static final Pattern TSC = Pattern.compile("(?m)^(.+?)\\((\\d+),\\d+\\): error (TS\\d+): (.*)$");
  private static final Pattern PYFLAKES = Pattern.compile("(?m)^(.+?):(\\d+):(?:\\d+:)? (.*)$");
  private static final Pattern PYFLAKES_KEPT = Pattern.compile("undefined name|syntax|invalid|indent|unexpected|"
      + "unterminated|EOF");
  private static final Pattern MYPY = Pattern.compile("(?m)^(.+?):(\\d+): error: (.*)$");
  private static final Set<String> IMPLICIT_ANY = Set.of("TS7006", "TS7031", "TS7005", "TS7034", "TS7008");
  private static final Set<String> UNRESOLVED = Set.of("TS2307", "TS2792", "TS7016");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecSettings settings;
  private final ResultCache cache;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  /** A checker with {@code settings}, caching in {@code cache}. */
  public TypeChecker(ExecSettings settings, ResultCache cache) {
    this.settings = settings;
    this.cache = cache;
  }

  /**
   * Checks the TypeScript and TSX code of {@code e}'s answer ({@code blocks}), or its Python code when it has
   * none. A failure's output lists up to {@link CheckResult#OUTPUT_LINES} problems as {@code FILE:LINE: message}.
   */
  public CheckResult check(Example e, List<CodeBlock> blocks, Path repo) {
    return checked(e, blocks, repo).result();
  }

  private Checked checked(Example e, List<CodeBlock> blocks, Path repo) {
    List<AnswerFile> ts = AnswerFile.of(blocks, Set.of(Grammar.TYPESCRIPT, Grammar.TSX));
    List<AnswerFile> py = AnswerFile.of(blocks, Set.of(Grammar.PYTHON));
    if (!ts.isEmpty()) {
      return typescript(e, ts, repo);
    }
    if (!py.isEmpty()) {
      return python(e, py, repo);
    }
    return new Checked(CheckResult.skipped("no TypeScript or Python code in the answer"), List.of());
  }

  private Checked typescript(Example e, List<AnswerFile> files, Path repo) {
    Optional<Path> tsc = tsc();
    if (tsc.isEmpty()) {
      return new Checked(CheckResult.skipped("typescript is not installed (npm install --prefix ~/.cache/quarry-ts "
          + "typescript, or set validate.typecheck.tsc)"), List.of());
    }
    String dir = e.source().path() == null || Path.of(e.source().path()).getParent() == null ? ""
        : Path.of(e.source().path()).getParent().toString().replace('\\', '/') + "/";
    List<String> cmd = List.of(tsc.get().toString(), "-p", "tsconfig.json", "--pretty", "false");
    return run("tsc", cmd, files, dir, repo, e, ws -> tsconfig(ws, files, dir, repo), out -> {
      List<Diagnostic> ds = new ArrayList<>();
      Set<String> unresolved = new LinkedHashSet<>();
      Matcher m = TSC.matcher(out);
      while (m.find()) {
        Optional<AnswerFile> f = fileNamed(files, m.group(1), dir);
        if (f.isEmpty()) {
          continue;
        }
        if (UNRESOLVED.contains(m.group(3))) {
          Matcher q = Pattern.compile("'([^']+)'").matcher(m.group(4));
          unresolved.add(q.find() ? q.group(1) : m.group(4));
        } else {
          ds.add(new Diagnostic(f.get(), Integer.parseInt(m.group(2)), m.group(3) + ": " + m.group(4)));
        }
      }
      String note = unresolved.isEmpty() ? "" : "unresolved modules (not checked): " + String.join(", ", unresolved);
      if (!unresolved.isEmpty()) {
        // Without a module's types, callbacks passed to it lose their contextual types: implicit-any errors
        // then say more about the missing package than about the example.
        int before = ds.size();
        ds.removeIf(d -> IMPLICIT_ANY.contains(d.message().substring(0, d.message().indexOf(':'))));
        if (ds.size() < before) {
          note += "; " + (before - ds.size()) + " implicit-any error(s) not counted";
        }
      }
      return verdict("tsc --strict", ds, note);
    });
  }

  private Checked python(Example e, List<AnswerFile> files, Path repo) {
    boolean mypy = settings.pythonChecker().equals("mypy");
    String tool = mypy ? "mypy" : "pyflakes";
    if (version(settings.python(), "-m", tool, "--version").isEmpty()) {
      return new Checked(CheckResult.skipped(tool + " is not installed for " + settings.python()
          + " (apt-get install python3-" + tool + ")"), List.of());
    }
    List<String> cmd = new ArrayList<>(List.of(settings.python(), "-m", tool));
    if (mypy) {
      cmd.addAll(List.of("--ignore-missing-imports", "--no-error-summary", "--show-column-numbers", "--cache-dir",
          ".mypy_cache"));
    }
    files.forEach(f -> cmd.add(f.name()));
    return run(tool, cmd, files, "", repo, e, ws -> { }, out -> {
      List<Diagnostic> ds = new ArrayList<>();
      Matcher m = (mypy ? MYPY : PYFLAKES).matcher(out);
      while (m.find()) {
        Optional<AnswerFile> f = fileNamed(files, m.group(1), "");
        // pyflakes also reports style (unused imports); only names that do not resolve and syntax errors count.
        if (f.isPresent() && (mypy || PYFLAKES_KEPT.matcher(m.group(3)).find())) {
          ds.add(new Diagnostic(f.get(), Integer.parseInt(m.group(2)), m.group(3)));
        }
      }
      return verdict(tool, ds, "");
    });
  }

  private interface Setup {
    void prepare(Path ws) throws IOException;
  }

  private interface Parse {
    Checked parse(String output);
  }

  private Checked run(String tool, List<String> cmd, List<AnswerFile> files, String dir, Path repo, Example e,
      Setup setup, Parse parse) {
    List<String> parts = new ArrayList<>(List.of(tool.equals("tsc") ? "typecheck/ts2" : "typecheck/py2", String.join(" ", cmd), version(cmd.get(0),
        cmd.size() > 2 && cmd.get(1).equals("-m") ? List.of("-m", cmd.get(2), "--version").toArray(String[]::new)
            : new String[] {"--version"}), dir, repo == null ? "-" : repo.toAbsolutePath().toString(),
        String.valueOf(e.source().commit())));
    files.forEach(f -> parts.addAll(List.of(f.name(), f.code())));
    String key = ResultCache.key(parts);
    Optional<CheckResult> hit = cache.get(key);
    if (hit.isPresent()) {
      return new Checked(hit.get(), List.of());
    }
    Path ws = null;
    try {
      ws = Files.createTempDirectory("quarry-typecheck-");
      Path home = ws.resolve(dir);
      Files.createDirectories(home);
      for (AnswerFile f : files) {
        Files.writeString(home.resolve(f.name()), f.code());
      }
      setup.prepare(ws);
      Map<String, String> env = new TreeMap<>();
      if (repo != null) {
        env.put(tool.equals("mypy") ? "MYPYPATH" : "PYTHONPATH", pythonPath(e, repo));
      }
      long start = System.nanoTime();
      Optional<String> out = exec(ws, cmd, env, settings.limits().wallSeconds() * 4L);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (out.isEmpty()) {
        return new Checked(new CheckResult(CheckResult.Status.TIMEOUT, tool + " took longer than "
            + settings.limits().wallSeconds() * 4 + " s", millis, String.join(" ", cmd.subList(1, cmd.size())), ""),
            List.of());
      }
      Checked c = parse.parse(out.get());
      CheckResult r = c.result();
      CheckResult timed = new CheckResult(r.status(), r.reason(), millis, tool, r.output());
      cache.put(key, timed);
      return new Checked(timed, c.diagnostics());
    } catch (IOException ex) {
      return new Checked(new CheckResult(CheckResult.Status.ERROR, tool + " could not be run: " + ex.getMessage(),
          0, tool, ""), List.of());
    } finally {
      Sandbox.delete(ws);
    }
  }

  private static Checked verdict(String tool, List<Diagnostic> ds, String note) {
    if (ds.isEmpty()) {
      return new Checked(new CheckResult(CheckResult.Status.PASSED, note, 0, tool, ""), ds);
    }
    StringBuilder out = new StringBuilder();
    ds.stream().limit(CheckResult.OUTPUT_LINES).forEach(d -> out.append(d.file().name()).append(':')
        .append(d.line()).append(": ").append(d.message()).append('\n'));
    String reason = ds.size() + " problem" + (ds.size() == 1 ? "" : "s") + ", first: " + ds.get(0).file().name()
        + ":" + ds.get(0).line() + ": " + ds.get(0).message() + (note.isEmpty() ? "" : "; " + note);
    return new Checked(new CheckResult(CheckResult.Status.FAILED, reason, 0, tool, out.toString().strip()), ds);
  }

  private static Optional<AnswerFile> fileNamed(List<AnswerFile> files, String path, String dir) {
    String p = path.replace('\\', '/');
    return files.stream().filter(f -> p.equals(dir + f.name()) || p.endsWith("/" + dir + f.name())
        || p.equals(f.name())).findFirst();
  }

  private void tsconfig(Path ws, List<AnswerFile> files, String dir, Path repo) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode o = root.putObject("compilerOptions");
    o.put("strict", true).put("noEmit", true).put("skipLibCheck", true).put("target", "ES2022")
        .put("module", "ESNext").put("moduleResolution", "Bundler").put("jsx", "react-jsx")
        .put("allowImportingTsExtensions", true).put("esModuleInterop", true).put("resolveJsonModule", true)
        .put("noUnusedLocals", false);
    o.putArray("types").add("node");
    ArrayNode lib = o.putArray("lib");
    lib.add("ES2022").add("DOM").add("DOM.Iterable");
    ArrayNode typeRoots = o.putArray("typeRoots");
    ArrayNode rootDirs = o.putArray("rootDirs");
    rootDirs.add(ws.toString());
    ObjectNode paths = o.putObject("paths");
    List<Path> modules = new ArrayList<>();
    if (repo != null) {
      rootDirs.add(repo.toAbsolutePath().toString());
      for (Map.Entry<String, Path> pkg : packages(repo).entrySet()) {
        Path d = pkg.getValue();
        paths.putArray(pkg.getKey()).add(d.resolve("src/index.ts").toString()).add(d.resolve("index.ts").toString())
            .add(d.resolve("src/index.tsx").toString());
        paths.putArray(pkg.getKey() + "/*").add(d.resolve("src/*").toString()).add(d.resolve("*").toString());
        if (Files.isDirectory(d.resolve("node_modules"))) {
          modules.add(d.resolve("node_modules"));
        }
      }
      if (Files.isDirectory(repo.resolve("node_modules"))) {
        modules.add(repo.resolve("node_modules"));
      }
    }
    Path cached = Path.of(System.getProperty("user.home"), ".cache", "quarry-ts", "node_modules");
    if (Files.isDirectory(cached)) {
      modules.add(cached);
    }
    ArrayNode any = paths.putArray("*");
    for (Path m : modules) {
      any.add(m.resolve("*").toString()).add(m.resolve("@types/*").toString());
      if (Files.isDirectory(m.resolve("@types"))) {
        typeRoots.add(m.resolve("@types").toString());
      }
    }
    if (typeRoots.isEmpty()) {
      o.remove("types");
    }
    ArrayNode list = root.putArray("files");
    files.forEach(f -> list.add(dir + f.name()));
    Files.writeString(ws.resolve("tsconfig.json"), JSON.writeValueAsString(root));
  }

  /** The repository's own packages (package.json with a name, outside node_modules, up to 3 levels deep). */
  private static Map<String, Path> packages(Path repo) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.find(repo, 3, (p, a) -> p.getFileName().toString().equals("package.json")
        && !p.toString().contains("node_modules"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try {
          String name = JSON.readTree(p.toFile()).path("name").asText("");
          if (!name.isEmpty()) {
            out.putIfAbsent(name, p.getParent().toAbsolutePath());
          }
        } catch (IOException ex) {
          // A package.json that does not parse names no package.
        }
      }
    }
    return out;
  }

  private static String pythonPath(Example e, Path repo) {
    List<String> dirs = new ArrayList<>();
    if (e.source().path() != null) {
      Path rel = Path.of(e.source().path()).getParent();
      while (rel != null) {
        dirs.add(repo.resolve(rel).toAbsolutePath().toString());
        rel = rel.getParent();
      }
    }
    dirs.add(repo.toAbsolutePath().toString());
    return String.join(File.pathSeparator, dirs);
  }

  private Optional<Path> tsc() {
    if (!settings.tsc().isEmpty()) {
      Path p = Path.of(settings.tsc());
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(d, "tsc");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    Path cached = Path.of(System.getProperty("user.home"), ".cache", "quarry-ts", "node_modules", ".bin", "tsc");
    return Files.isExecutable(cached) ? Optional.of(cached) : Optional.empty();
  }

  private String version(String exe, String... args) {
    List<String> cmd = new ArrayList<>(List.of(exe));
    cmd.addAll(List.of(args));
    return versions.computeIfAbsent(String.join(" ", cmd), k -> {
      try {
        Path tmp = Files.createTempDirectory("quarry-version-");
        try {
          return exec(tmp, cmd, Map.of(), 30).map(String::strip).filter(s -> !s.contains("No module named"))
              .orElse("");
        } finally {
          Sandbox.delete(tmp);
        }
      } catch (IOException e) {
        return "";
      }
    });
  }

  /** Output of {@code cmd} in {@code dir} with a scrubbed environment; empty on timeout or when it cannot start. */
  private static Optional<String> exec(Path dir, List<String> cmd, Map<String, String> env, long seconds)
      throws IOException {
    Path out = Files.createTempFile("quarry-typecheck-", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().clear();
      pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
      pb.environment().put("HOME", dir.toString());
      pb.environment().put("LANG", "C.UTF-8");
      pb.environment().putAll(env);
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        return Optional.empty();
      }
      try {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          return Optional.empty();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      return Optional.of(Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
