package dev.quarry.validate.exec;

import dev.quarry.model.Example;
import dev.quarry.syntax.Grammar;
import dev.quarry.validate.CodeBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes the tests of an answer in the {@link Sandbox}: Python with pytest (unittest when pytest is not
 * importable), JavaScript with node's test runner. The answer's files go into a fresh workspace; the
 * repository is read-only on {@code PYTHONPATH} (its root, {@code src/} and every folder between the root and
 * the mined file), and the nearest {@code conftest.py} above the mined file is copied in so the repository's
 * fixtures apply. Results are cached by {@link ResultCache}. Thread-safe.
 */
public final class Executor {
  private static final Pattern NO_MODULE = Pattern.compile("No module named '([\\w.]+)'");
  private static final Pattern JS_NO_MODULE = Pattern.compile("Cannot find (?:package|module) '([^']+)'");
  private static final Pattern PYTEST_SUMMARY = Pattern.compile("(?m)^(?:FAILED|ERROR) .*$");
  private static final Pattern PYTEST_E = Pattern.compile("(?m)^E +\\S.*$");
  private static final Pattern FRAME = Pattern.compile(
      "(?m)^(\\S+\\.py):\\d+: in |^(?:E)?\\s*File \"([^\"]+)\", line \\d+");
  static final Set<Grammar> PYTHON = Set.of(Grammar.PYTHON);
  static final Set<Grammar> SCRIPT = Set.of(Grammar.JAVASCRIPT, Grammar.TYPESCRIPT, Grammar.TSX);

  private final Sandbox sandbox;
  private final ExecSettings settings;
  private final ResultCache cache;
  private final UnaryOperator<String> redact;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  /**
   * An executor.
   *
   * @param redact applied to every output kept in a result (secrets never reach meta in clear)
   */
  public Executor(Sandbox sandbox, ExecSettings settings, ResultCache cache, UnaryOperator<String> redact) {
    this.sandbox = sandbox;
    this.settings = settings;
    this.cache = cache;
    this.redact = redact;
  }

  /** The result of running the tests of {@code e}'s answer ({@code blocks}) against {@code repo} (or none). */
  public CheckResult execute(Example e, List<CodeBlock> blocks, Path repo) {
    List<AnswerFile> py = settings.languages().contains("python") ? AnswerFile.of(blocks, PYTHON) : List.of();
    List<AnswerFile> js = settings.languages().contains("javascript") ? AnswerFile.of(blocks, SCRIPT) : List.of();
    if (py.isEmpty() && js.isEmpty()) {
      return CheckResult.skipped("no Python or JavaScript/TypeScript code in the answer");
    }
    boolean pyTests = py.stream().anyMatch(AnswerFile::test);
    boolean jsTests = js.stream().anyMatch(AnswerFile::test);
    if (!pyTests && !jsTests) {
      return CheckResult.skipped("no test in the answer");
    }
    if (sandbox.unavailable().isPresent()) {
      return CheckResult.skipped("not run: " + sandbox.unavailable().get());
    }
    return pyTests ? python(e, py, repo) : script(e, js, repo);
  }

  private CheckResult python(Example e, List<AnswerFile> files, Path repo) {
    boolean pytest = "ok".equals(version("pytest", List.of(settings.python(), "-c", "import pytest; print('ok')")));
    List<String> tests = files.stream().filter(AnswerFile::test).map(AnswerFile::name).toList();
    List<String> cmd = new ArrayList<>(List.of(settings.python()));
    if (pytest) {
      cmd.addAll(List.of("-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir=" + Sandbox.WORKSPACE));
      cmd.addAll(tests);
    } else {
      cmd.addAll(List.of("-m", "unittest", "-q"));
      tests.forEach(t -> cmd.add(t.substring(0, t.length() - 3)));
    }
    Optional<Path> conftest = conftest(e, repo);
    List<String> roots = pythonRoots(e, repo);
    String conf = conftest.map(Executor::read).orElse("");
    List<String> keyParts = new ArrayList<>(List.of("execute/py3", String.join(" ", cmd), String.join(":", roots),
        version("python", List.of(settings.python(), "--version")), settings.limits().toString(), conf,
        repoIdentity(e, repo)));
    files.forEach(f -> keyParts.addAll(List.of(f.name(), f.code())));
    String key = ResultCache.key(keyParts);
    Optional<CheckResult> hit = cache.get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    StringBuilder path = new StringBuilder(Sandbox.WORKSPACE);
    roots.forEach(r -> path.append(':').append(r));
    CheckResult r = inWorkspace(files, conftest, cmd, Map.of("PYTHONPATH", path.toString(),
        "PYTHONDONTWRITEBYTECODE", "1", "PYTHONHASHSEED", "0"), repo, out -> classifyPython(out, files, repo, roots));
    if (r.status() != CheckResult.Status.ERROR || !r.reason().startsWith("the sandbox")) {
      cache.put(key, r);
    }
    return r;
  }

  private CheckResult script(Example e, List<AnswerFile> files, Path repo) {
    List<AnswerFile> tests = files.stream().filter(AnswerFile::test).toList();
    if (tests.stream().anyMatch(f -> f.grammar() != Grammar.JAVASCRIPT)) {
      return CheckResult.skipped("TypeScript tests are not executed (node cannot run TypeScript without a build "
          + "step; the typecheck rule checks them)");
    }
    if (tests.stream().anyMatch(f -> !f.code().contains("node:test"))) {
      return CheckResult.skipped("the tests need a runner other than node:test (vitest/jest), which is not "
          + "provided in the sandbox");
    }
    List<String> cmd = new ArrayList<>(List.of(settings.node(), "--test"));
    tests.forEach(t -> cmd.add(t.name()));
    List<String> keyParts = new ArrayList<>(List.of("execute/1", String.join(" ", cmd),
        version("node", List.of(settings.node(), "--version")), settings.limits().toString(), repoIdentity(e, repo)));
    files.forEach(f -> keyParts.addAll(List.of(f.name(), f.code())));
    String key = ResultCache.key(keyParts);
    Optional<CheckResult> hit = cache.get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    CheckResult r = inWorkspace(files, Optional.empty(), cmd, Map.of(), repo, this::classifyScript);
    cache.put(key, r);
    return r;
  }

  /** The outcome of a run that exited with a code other than 0 within its limits. */
  private interface Classifier {
    CheckResult classify(SandboxRun run);
  }

  private CheckResult inWorkspace(List<AnswerFile> files, Optional<Path> conftest, List<String> cmd,
      Map<String, String> env, Path repo, Classifier failure) {
    Path ws = null;
    String shown = String.join(" ", cmd);
    try {
      ws = sandbox.newWorkspace();
      for (AnswerFile f : files) {
        Files.writeString(ws.resolve(f.name()), f.code());
      }
      if (conftest.isPresent() && !Files.exists(ws.resolve("conftest.py"))) {
        Files.copy(conftest.get(), ws.resolve("conftest.py"));
      }
      Sandbox.share(ws);
      SandboxRun run = sandbox.run(ws, repo, cmd, env);
      String out = redact.apply(CheckResult.lastLines(run.output()));
      if (run.timedOut()) {
        String why = run.exit() == -1 ? "stopped at the " + sandbox.limits().wallSeconds() + " s wall-clock limit"
            : "stopped at the " + sandbox.limits().cpuSeconds() + " s CPU limit";
        return new CheckResult(CheckResult.Status.TIMEOUT, why, run.millis(), shown, out);
      }
      if (run.exit() == 0) {
        return new CheckResult(CheckResult.Status.PASSED, "", run.millis(), shown, out);
      }
      if (run.exit() == 97 && !Files.exists(ws.resolve(".quarry-exit"))) {
        return new CheckResult(CheckResult.Status.ERROR, "the sandbox could not be set up: " + lastLine(out),
            run.millis(), shown, out);
      }
      CheckResult c = failure.classify(new SandboxRun(run.exit(), false, run.millis(), run.output()));
      return new CheckResult(c.status(), c.reason(), run.millis(), shown, c.status() == CheckResult.Status.SKIPPED
          ? "" : out);
    } catch (IOException ex) {
      return new CheckResult(CheckResult.Status.ERROR, "the sandbox could not be set up: " + ex.getMessage(), 0,
          shown, "");
    } finally {
      Sandbox.delete(ws);
    }
  }

  private CheckResult classifyPython(SandboxRun run, List<AnswerFile> files, Path repo, List<String> roots) {
    String out = run.output();
    Matcher m = NO_MODULE.matcher(out);
    if (m.find()) {
      String top = m.group(1).split("\\.")[0];
      boolean ours = files.stream().anyMatch(f -> f.name().equals(top + ".py"));
      if (!ours && !inRepo(top, repo, roots)) {
        return CheckResult.skipped("missing dependency: Python module " + top
            + " is neither installed nor part of the repository");
      }
    }
    if (run.exit() == 5) {
      return CheckResult.skipped("pytest collected no test");
    }
    if (run.exit() > 128) {
      return new CheckResult(CheckResult.Status.ERROR, "killed by signal " + (run.exit() - 128)
          + " (memory or process limit?)", 0, "", "");
    }
    String why = firstMatch(PYTEST_SUMMARY, out).or(() -> firstMatch(PYTEST_E, out)).orElse(lastLine(out));
    if (run.exit() != 1 && setupFailed(out)) {
      // The tests never ran: the repository (its conftest or a module the test imports) does not import with
      // the packages installed here. That is the environment, not the example.
      return CheckResult.skipped("the repository's test setup does not import here: "
          + redact.apply(clip(firstMatch(PYTEST_E, out).orElse(why))));
    }
    CheckResult.Status s = run.exit() == 1 ? CheckResult.Status.FAILED : CheckResult.Status.ERROR;
    return new CheckResult(s, redact.apply(clip(why)), 0, "", "");
  }

  /** Whether a collection error was raised outside the answer's files (in conftest, the repository or a package). */
  private static boolean setupFailed(String out) {
    if (out.contains("ImportError while loading conftest") || out.contains("ConftestImportFailure")) {
      return true;
    }
    Matcher m = FRAME.matcher(out);
    String last = null;
    while (m.find()) {
      last = m.group(1) != null ? m.group(1) : m.group(2);
    }
    if (last == null) {
      return false;
    }
    boolean answer = last.startsWith(Sandbox.WORKSPACE + "/") ? !last.endsWith("/conftest.py")
        : !last.startsWith("/") && !last.startsWith("..") && !last.equals("conftest.py");
    return !answer;
  }

  private CheckResult classifyScript(SandboxRun run) {
    Matcher m = JS_NO_MODULE.matcher(run.output());
    if (m.find() && !m.group(1).startsWith(".")) {
      return CheckResult.skipped("missing dependency: package " + m.group(1) + " is not installed");
    }
    String why = firstMatch(Pattern.compile("(?m)^\\s*(?:not ok .*|error: .*|\\w*Error: .*)$"), run.output())
        .orElse(lastLine(run.output()));
    return new CheckResult(CheckResult.Status.FAILED, redact.apply(clip(why.strip())), 0, "", "");
  }

  private static boolean inRepo(String top, Path repo, List<String> roots) {
    if (repo == null) {
      return false;
    }
    for (String r : roots) {
      Path dir = repo.resolve(r.substring(Math.min(r.length(), Sandbox.REPOSITORY.length())).replaceFirst("^/", ""));
      if (Files.isDirectory(dir.resolve(top)) || Files.isRegularFile(dir.resolve(top + ".py"))) {
        return true;
      }
    }
    return false;
  }

  /** Sandbox paths of the repository folders on PYTHONPATH: nearest the mined file first, the root last. */
  private List<String> pythonRoots(Example e, Path repo) {
    List<String> out = new ArrayList<>();
    if (repo == null) {
      return out;
    }
    String p = e.source().path();
    if (p != null) {
      Path rel = Path.of(p).getParent();
      while (rel != null) {
        if (Files.isDirectory(repo.resolve(rel))) {
          out.add(Sandbox.REPOSITORY + "/" + rel.toString().replace('\\', '/'));
        }
        rel = rel.getParent();
      }
    }
    if (Files.isDirectory(repo.resolve("src"))) {
      out.add(Sandbox.REPOSITORY + "/src");
    }
    out.add(Sandbox.REPOSITORY);
    return out;
  }

  private static Optional<Path> conftest(Example e, Path repo) {
    if (repo == null || e.source().path() == null) {
      return Optional.empty();
    }
    Path rel = Path.of(e.source().path()).getParent();
    while (rel != null) {
      Path c = repo.resolve(rel).resolve("conftest.py");
      if (Files.isRegularFile(c)) {
        return Optional.of(c);
      }
      rel = rel.getParent();
    }
    Path root = repo.resolve("conftest.py");
    return Files.isRegularFile(root) ? Optional.of(root) : Optional.empty();
  }

  private static String repoIdentity(Example e, Path repo) {
    return (repo == null ? "-" : repo.toAbsolutePath().toString()) + "@" + (e.source().commit() == null ? "-"
        : e.source().commit()) + ":" + e.source().path();
  }

  /** The output of {@code cmd} run once in the sandbox (tool versions, module probes); cached per run. */
  private String version(String what, List<String> cmd) {
    return versions.computeIfAbsent(what + " " + String.join(" ", cmd), k -> {
      if (sandbox.unavailable().isPresent()) {
        return "";
      }
      Path ws = null;
      try {
        ws = sandbox.newWorkspace();
        SandboxRun r = sandbox.run(ws, null, cmd, Map.of());
        return r.ok() ? r.output().strip() : "";
      } catch (IOException ex) {
        return "";
      } finally {
        Sandbox.delete(ws);
      }
    });
  }

  private static Optional<String> firstMatch(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
