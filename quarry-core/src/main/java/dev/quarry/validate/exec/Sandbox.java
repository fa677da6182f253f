package dev.quarry.validate.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs untrusted example code where it can do no harm: in fresh user, network, mount and pid namespaces
 * ({@code unshare}), as an unprivileged user when Quarry runs as root ({@code setpriv} to nobody, so the
 * process limit holds and no host file is writable), with the workspace as the only writable place that
 * outlives the run, the repository read-only, private {@code /tmp}, no network, a scrubbed environment and
 * wall-clock, CPU, memory, file-size and process limits. Inside, the workspace is {@link #WORKSPACE} and the
 * repository {@link #REPOSITORY}.
 *
 * <p>When the namespaces cannot be created (old kernel, user namespaces disabled, tools missing),
 * {@link #unavailable()} says why and nothing is run: there is no unsandboxed fallback. Thread-safe.
 */
public final class Sandbox {
  /** The workspace as the sandboxed command sees it. */
  public static final String WORKSPACE = "/dev/shm/ws";
  /** The repository as the sandboxed command sees it (read-only). */
  public static final String REPOSITORY = "/dev/shm/repo";
  /** How much of the end of a command's output is kept. */
  public static final int OUTPUT_BYTES = 16 * 1024;

  private static final int SETUP_FAILED = 97;
  private static final String NOBODY = "65534";
  private static final String SCRIPT = script();

  private final SandboxLimits limits;
  private final Optional<String> unavailable;

  private Sandbox(SandboxLimits limits, Optional<String> unavailable) {
    this.limits = limits;
    this.unavailable = unavailable;
  }

  /**
   * A sandbox with {@code limits}, probed once by running {@code true} inside it.
   *
   * @return a sandbox; check {@link #unavailable()} before relying on it
   */
  public static Sandbox probe(SandboxLimits limits) {
    for (String tool : List.of("/usr/bin/unshare", "/usr/bin/prlimit", "/bin/sh")) {
      if (!Files.isExecutable(Path.of(tool))) {
        return new Sandbox(limits, Optional.of(tool + " is missing (install util-linux)"));
      }
    }
    if (isRoot() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      return new Sandbox(limits, Optional.of("/usr/bin/setpriv is missing; running as root it is needed to drop to "
          + "an unprivileged user (install util-linux)"));
    }
    Sandbox s = new Sandbox(limits, Optional.empty());
    Path ws = null;
    try {
      ws = s.newWorkspace();
      SandboxRun r = s.run(ws, null, List.of("/bin/true"), Map.of());
      if (!r.ok()) {
        return new Sandbox(limits, Optional.of("user/network/mount namespaces cannot be created here (unshare "
            + "exited " + r.exit() + ": " + lastLine(r.output()) + "); enable unprivileged user namespaces "
            + "(sysctl kernel.unprivileged_userns_clone=1) to execute examples"));
      }
      return s;
    } catch (IOException | UncheckedIOException e) {
      return new Sandbox(limits, Optional.of("the sandbox could not be started: " + e.getMessage()));
    } finally {
      delete(ws);
    }
  }

  /** Why code cannot be run here, or empty when it can. */
  public Optional<String> unavailable() {
    return unavailable;
  }

  /** The limits of every run. */
  public SandboxLimits limits() {
    return limits;
  }

  /** A new empty workspace that the sandbox user may write; delete it with {@link #delete}. */
  public Path newWorkspace() throws IOException {
    Path ws = Files.createTempDirectory("quarry-exec-");
    Files.setPosixFilePermissions(ws, PosixFilePermissions.fromString("rwxrwxrwx"));
    return ws;
  }

  /** Makes every file under {@code ws} readable and writable by the sandbox user (call after writing files). */
  public static void share(Path ws) throws IOException {
    try (Stream<Path> all = Files.walk(ws)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx"
            : "rw-rw-rw-"));
      }
    }
  }

  /**
   * Runs {@code command} in {@code ws} with the repository {@code repo} (or none) read-only, under
   * {@link #limits()}, with only {@code env} (plus PATH, HOME, LANG) in its environment.
   *
   * @throws IllegalStateException when the sandbox is {@link #unavailable()}
   */
  public SandboxRun run(Path ws, Path repo, List<String> command, Map<String, String> env) throws IOException {
    return run(ws, repo, command, env, limits);
  }

  /** As {@link #run(Path, Path, List, Map)} with other limits for this run. */
  public SandboxRun run(Path ws, Path repo, List<String> command, Map<String, String> env, SandboxLimits l)
      throws IOException {
    if (unavailable.isPresent()) {
      throw new IllegalStateException("sandbox unavailable: " + unavailable.get());
    }
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    cmd.addAll(List.of("/usr/bin/unshare", "--user", "--map-root-user", "--net", "--mount", "--pid", "--fork",
        "--kill-child", "--mount-proc", "--", "/bin/sh", "-c", SCRIPT, "quarry-sandbox",
        ws.toAbsolutePath().toString(), repo == null ? "" : repo.toAbsolutePath().toString(),
        Integer.toString(l.cpuSeconds()), Long.toString(l.memoryMb() * 1024L * 1024L),
        Long.toString(l.fileMb() * 1024L * 1024L), Integer.toString(l.processes())));
    cmd.addAll(command);
    Path out = Files.createTempFile("quarry-exec-out-", ".log");
    Files.deleteIfExists(ws.resolve(".quarry-exit"));
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(ws.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> e = pb.environment();
      e.clear();
      Map<String, String> base = new TreeMap<>();
      base.put("PATH", "/usr/local/bin:/usr/bin:/bin");
      base.put("HOME", WORKSPACE);
      base.put("LANG", "C.UTF-8");
      base.put("TMPDIR", "/tmp");
      base.putAll(env);
      e.putAll(base);
      long start = System.nanoTime();
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(l.wallSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        kill(p);
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("sandboxed run interrupted");
      }
      if (!done) {
        kill(p);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      String output = tail(out);
      if (!done) {
        return new SandboxRun(-1, true, millis, output);
      }
      int exit = exitCode(ws, p.exitValue());
      // SIGXCPU (24) at the soft CPU limit, SIGKILL at the hard one.
      boolean cpu = exit == 128 + 24 || exit == 128 + 9 && millis >= l.cpuSeconds() * 1000L;
      return new SandboxRun(exit, cpu, millis, output);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Deletes a workspace and everything in it; null is ignored. */
  public static void delete(Path ws) {
    if (ws == null || !Files.exists(ws)) {
      return;
    }
    try (Stream<Path> all = Files.walk(ws)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // Best effort: a leftover temp file is not worth failing validation for.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // As above.
    }
  }

  private static int exitCode(Path ws, int processExit) {
    Path f = ws.resolve(".quarry-exit");
    try {
      if (Files.isRegularFile(f)) {
        return Integer.parseInt(Files.readString(f).trim());
      }
    } catch (IOException | NumberFormatException e) {
      // Fall through to the process's own code.
    }
    return processExit == 0 ? 0 : processExit == SETUP_FAILED ? SETUP_FAILED : processExit;
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path out) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
      long len = f.length();
      long from = Math.max(0, len - OUTPUT_BYTES);
      byte[] buf = new byte[(int) (len - from)];
      f.seek(from);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    }
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1];
  }

  static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static String script() {
    try (InputStream in = Sandbox.class.getResourceAsStream("sandbox.sh")) {
      if (in == null) {
        throw new IllegalStateException("sandbox.sh is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
