package dev.quarry.validate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each limit of the sandbox stops what it is meant to stop, and nothing outside the workspace changes. */
class SandboxTest {
  private static final String PY = "/usr/bin/python3";
  private final Sandbox sandbox = Sandbox.probe(new SandboxLimits(8, 3, 512, 8, 32));
  private Path ws;

  @BeforeEach
  void workspace() throws IOException {
    assumeTrue(sandbox.unavailable().isEmpty(), () -> "no sandbox here: " + sandbox.unavailable().orElse(""));
    assumeTrue(Files.isExecutable(Path.of(PY)), "needs " + PY);
    ws = sandbox.newWorkspace();
  }

  @AfterEach
  void cleanUp() {
    Sandbox.delete(ws);
  }

  private SandboxRun python(String code) throws IOException {
    return sandbox.run(ws, null, List.of(PY, "-c", code), Map.of());
  }

  @Test
  void anInfiniteLoopIsStoppedAtTheCpuLimit() throws IOException {
    SandboxRun r = sandbox.run(ws, null, List.of(PY, "-c", "while True: pass"), Map.of(),
        new SandboxLimits(60, 2, 512, 8, 32));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exit()).as("stopped by the CPU limit, not the 60 s wall clock").isEqualTo(128 + 24);
  }

  @Test
  void aSleepingProcessIsKilledAtTheWallClockLimit() throws IOException {
    SandboxRun r = python("import time; time.sleep(60)");
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exit()).isEqualTo(-1);
    assertThat(r.millis()).isBetween(7_000L, 20_000L);
  }

  @Test
  void aForkBombHitsTheProcessLimitAndLeavesNoProcessBehind() throws IOException {
    String marker = "quarry-fork-" + UUID.randomUUID();
    SandboxRun r = python("import os, time\n# " + marker + "\nn = 0\nwhile n < 10000:\n    try:\n        os.fork()\n"
        + "        n += 1\n    except OSError as e:\n        print('fork refused:', e.errno, flush=True)\n        time.sleep(0.5)\n"
        + "        os._exit(0)\n");
    assertThat(r.output()).contains("fork refused: 11");
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)
        .contains(marker)).orElse(false)).count()).isZero();
  }

  @Test
  void aTenGigabyteAllocationFails() throws IOException {
    SandboxRun r = python("x = bytearray(10 * 1024 ** 3)\nprint('allocated')");
    assertThat(r.ok()).isFalse();
    assertThat(r.output()).contains("MemoryError").doesNotContain("allocated");
  }

  @Test
  void noConnectionLeavesTheSandboxNotEvenToTheHostsLoopback() throws IOException {
    try (ServerSocket host = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      host.setSoTimeout(500);
      SandboxRun r = python("import socket\nfor addr in [('127.0.0.1', " + host.getLocalPort() + "), ('1.1.1.1', 80)]:\n"
          + "    try:\n        socket.create_connection(addr, timeout=2)\n        print('connected', addr)\n"
          + "    except OSError as e:\n        print('refused', addr, e.errno)\n");
      assertThat(r.output()).doesNotContain("connected").contains("refused ('1.1.1.1', 80) 101");
      boolean accepted;
      try {
        host.accept().close();
        accepted = true;
      } catch (SocketTimeoutException e) {
        accepted = false;
      }
      assertThat(accepted).isFalse();
    }
  }

  @Test
  void writesOutsideTheWorkspaceChangeNothingOnTheHost() throws IOException {
    Files.createDirectories(Path.of("target"));
    Path open = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "quarry-open-");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path victim = Files.writeString(open.resolve("victim.txt"), "original");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-rw-rw-"));
    String loose = "/tmp/quarry-escape-" + UUID.randomUUID();
    try {
      SandboxRun r = python("import pathlib\nfor p in ['" + victim + "', '" + open.resolve("new.txt") + "', '" + loose
          + "', '" + System.getProperty("user.home") + "/quarry-escape']:\n    try:\n"
          + "        pathlib.Path(p).write_text('pwned')\n    except OSError as e:\n        print('denied', e.errno)\n"
          + "pathlib.Path('inside.txt').write_text('mine')\n");
      assertThat(r.ok()).isTrue();
      assertThat(Files.readString(victim)).isEqualTo("original");
      assertThat(open.resolve("new.txt")).doesNotExist();
      assertThat(Path.of(loose)).doesNotExist();
      assertThat(Path.of(System.getProperty("user.home"), "quarry-escape")).doesNotExist();
      assertThat(Files.readString(ws.resolve("inside.txt"))).isEqualTo("mine");
    } finally {
      Sandbox.delete(open);
    }
  }

  @Test
  void theChildSeesOnlyAScrubbedEnvironment() throws IOException {
    SandboxRun r = sandbox.run(ws, null, List.of("/usr/bin/env"), Map.of("EXTRA", "1"));
    assertThat(r.output().lines().map(l -> l.substring(0, l.indexOf('='))).sorted().toList())
        .containsExactly("EXTRA", "HOME", "LANG", "OLDPWD", "PATH", "PWD", "TMPDIR");
  }

  @Test
  void theRepositoryIsReadOnly() throws IOException {
    Path repo = Files.createTempDirectory("quarry-repo-");
    Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(repo.resolve("mod.py"), "X = 1\n");
    Files.setPosixFilePermissions(repo.resolve("mod.py"), PosixFilePermissions.fromString("rw-rw-rw-"));
    try {
      SandboxRun r = sandbox.run(ws, repo, List.of(PY, "-c", "import sys; sys.path.insert(0, '" + Sandbox.REPOSITORY
          + "')\nimport mod; print('X', mod.X)\nopen('" + Sandbox.REPOSITORY + "/mod.py', 'w').write('X = 2')"),
          Map.of("PYTHONDONTWRITEBYTECODE", "1"));
      assertThat(r.output()).contains("X 1").contains("Read-only file system");
      assertThat(Files.readString(repo.resolve("mod.py"))).isEqualTo("X = 1\n");
    } finally {
      Sandbox.delete(repo);
    }
  }
}
