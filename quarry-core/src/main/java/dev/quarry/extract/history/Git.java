package dev.quarry.extract.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} binary on one repository, without a shell, with the user's and the system's git
 * configuration ignored (so a local {@code diff.algorithm} or pager cannot change the bytes read), a time
 * limit and an output cap. Never touches the network: only local read commands are issued.
 */
final class Git {
  /** Output beyond this many bytes is an error rather than an unbounded buffer. */
  static final int MAX_OUTPUT = 64 << 20;
  private static final long TIMEOUT_SECONDS = 120;

  private final Path gitDir;
  private final Path workDir;

  /**
   * A runner for the repository whose git directory is {@code gitDir}.
   *
   * @param gitDir the {@code .git} folder or a bare repository
   * @param workDir the folder git runs in
   */
  Git(Path gitDir, Path workDir) {
    this.gitDir = gitDir;
    this.workDir = workDir;
  }

  /** Runs git without a repository (e.g. {@code rev-parse} in a folder that may not be one). */
  static Result runIn(Path dir, List<String> args) throws GitException {
    return exec(dir, null, args);
  }

  /** Runs {@code git args} on this repository. */
  Result run(String... args) throws GitException {
    return exec(workDir, gitDir, List.of(args));
  }

  /** Runs {@code git args} on this repository and returns its output, failing on a non-zero exit. */
  String out(String... args) throws GitException {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new GitException("git " + args[0] + " failed: " + firstLine(r.err()));
    }
    return r.out();
  }

  /** A process for {@code git args} with the same environment, for long-running readers. */
  Process start(String... args) throws GitException {
    try {
      return builder(workDir, gitDir, List.of(args)).start();
    } catch (IOException e) {
      throw GitException.missing(e);
    }
  }

  /** The outcome of one git command: exit code, standard output and error (UTF-8). */
  record Result(int exit, String out, String err) {}

  private static Result exec(Path dir, Path gitDir, List<String> args) throws GitException {
    Process p;
    try {
      p = builder(dir, gitDir, args).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw GitException.missing(e);
    }
    try {
      p.getOutputStream().close();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = new Thread(() -> drain(p.getErrorStream(), err, 1 << 16));
      errReader.setDaemon(true);
      errReader.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!drain(p.getInputStream(), out, MAX_OUTPUT)) {
        p.destroyForcibly();
        throw new GitException("git " + args.get(0) + " printed more than " + MAX_OUTPUT + " bytes");
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException("git " + args.get(0) + " took longer than " + TIMEOUT_SECONDS + " s");
      }
      errReader.join(1000);
      return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      p.destroyForcibly();
      throw new GitException("cannot read the output of git " + args.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git " + args.get(0));
    }
  }

  private static ProcessBuilder builder(Path dir, Path gitDir, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotepath=off", "-c", "color.ui=false",
        "-c", "core.pager=cat", "-c", "log.showSignature=false"));
    if (gitDir != null) {
      cmd.add("--git-dir=" + gitDir);
    }
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("LC_ALL", "C");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    return pb;
  }

  private static boolean drain(InputStream in, ByteArrayOutputStream to, int cap) {
    byte[] buf = new byte[1 << 16];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (to.size() + n > cap) {
          return false;
        }
        to.write(buf, 0, n);
      }
    } catch (IOException e) {
      return false;
    }
    return true;
  }

  static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
