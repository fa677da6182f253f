package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ProgressListener;
import dev.quarry.UsageException;
import dev.quarry.io.FaultPoint;
import dev.quarry.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder under {@code quarry build}: user files are never deleted, the folder always equals its
 * manifest (after rebuilds, crashes and full disks at random points), a second build is locked out.
 */
class BuildFolderSafetyTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  /** Thrown by the fault hook to stand for {@code kill -9}: an Error, so no cleanup code catches it. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @TempDir
  Path tmp;

  Path repo;
  Path out;

  @BeforeEach
  void copyDemoSlice() throws IOException {
    repo = tmp.resolve("repo");
    copy(DEMO.resolve("quarry.yaml"), repo.resolve("quarry.yaml"));
    copy(DEMO.resolve("backend/openapi.yaml"), repo.resolve("backend/openapi.yaml"));
    try (Stream<Path> s = Files.walk(DEMO.resolve("training"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        copy(p, repo.resolve(DEMO.relativize(p).toString()));
      }
    }
    out = tmp.resolve("out");
  }

  @AfterEach
  void noFaults() {
    FaultPoint.install(null);
  }

  private BuildPipeline.Result build(Path into, boolean force) throws IOException {
    return new BuildPipeline(ProgressListener.NONE).run(repo, null, into, false, force);
  }

  @Test
  void aUsersFileInAnOwnedFolderSurvivesEveryRebuild() throws IOException {
    build(out, false);
    Files.writeString(out.resolve("reports/q3.md"), "my notes\n");
    Files.writeString(out.resolve("export/keep.txt"), "mine\n");
    build(out, false);
    build(out, false);
    assertThat(out.resolve("reports/q3.md")).hasContent("my notes");
    assertThat(out.resolve("export/keep.txt")).hasContent("mine");
    assertFolderMatchesManifest(out, 2);
  }

  @Test
  void theRepositoryOrAFolderContainingItIsRefusedAsOutput() {
    assertThatThrownBy(() -> build(repo, false)).isInstanceOf(UsageException.class)
        .hasMessageContaining("is the repository");
    assertThatThrownBy(() -> build(tmp, false)).isInstanceOf(UsageException.class)
        .hasMessageContaining("contains the repository");
    assertThat(repo.resolve(BuildLock.FILE)).doesNotExist();
  }

  @Test
  void aNonEmptyFolderWithoutManifestIsRefusedAndWithForceItsFilesAreKept() throws IOException {
    Files.createDirectories(out.resolve("reports"));
    Files.writeString(out.resolve("reports/q3.md"), "my notes\n");
    assertThatThrownBy(() -> build(out, false)).isInstanceOf(UsageException.class)
        .hasMessage("-o " + out.toRealPath() + ": the folder is not empty and holds no Quarry manifest.json (choose an "
            + "empty or new folder, or add --force to build into it; its files are never deleted)");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("reports");
    }
    build(out, true);
    build(out, false);
    assertThat(out.resolve("reports/q3.md")).hasContent("my notes");
    assertFolderMatchesManifest(out, 1);
  }

  @Test
  void anOutputFolderInsideTheRepositoryIsNeverMined() throws IOException {
    Path inside = repo.resolve("out");
    BuildPipeline.Result first = build(inside, false);
    BuildPipeline.Result second = build(inside, false);
    assertThat(second.counts().toString()).isEqualTo(first.counts().toString());
    // An earlier build's folder elsewhere in the repository is found by its manifest and left out too.
    Files.move(inside, repo.resolve("old-build"));
    assertThat(build(inside, false).counts().toString()).isEqualTo(first.counts().toString());
    assertThat(Files.readString(inside.resolve("reports/coverage.json"))).contains("old-build/");
  }

  @Test
  void aSecondBuildIntoALockedFolderFailsFastAndAStaleLockIsTakenOver() throws IOException {
    Files.createDirectories(out);
    try (BuildLock held = BuildLock.acquire(out)) {
      assertThatThrownBy(() -> build(out, false)).isInstanceOf(UsageException.class)
          .hasMessageContaining("another quarry build is writing this folder (pid " + ProcessHandle.current().pid());
    }
    Files.writeString(out.resolve(BuildLock.FILE), "pid 999999 on elsewhere, started 2026-01-01T00:00:00Z\n");
    BuildPipeline.Result r = build(out, false);
    assertThat(r.notes()).containsExactly(
        "took over the lock of a build that died (pid 999999 on elsewhere, started 2026-01-01T00:00:00Z)");
    assertThat(out.resolve(BuildLock.FILE)).isEmptyFile();
  }

  /** 20 rebuilds in CI; {@code -Dquarry.rebuild.count=100} for the issue-17 figure (printed as {@code quarry.rebuild:}). */
  @Test
  void rebuildingTwentyTimesNeverLosesAFreshOutput() throws IOException {
    int rebuilds = Integer.getInteger("quarry.rebuild.count", 20);
    build(out, false);
    Map<String, String> first = Manifest.files(out);
    int lost = 0;
    for (int i = 0; i < rebuilds; i++) {
      build(out, false);
      for (Map.Entry<String, String> f : first.entrySet()) {
        Path p = out.resolve(f.getKey());
        if (!Manifest.files(out).containsKey(f.getKey()) || !Files.isRegularFile(p) || !Hashing.sha256(p).equals(f.getValue())) {
          lost++;
        }
      }
      assertThat(Manifest.files(out)).as("rebuild %d", i).isEqualTo(first);
      assertFolderMatchesManifest(out, 0);
    }
    System.out.printf("quarry.rebuild: %d rebuilds of %d files each: fresh outputs lost %d%n", rebuilds, first.size(), lost);
    assertThat(lost).isZero();
  }

  @Test
  void aCrashOrAFullDiskAtAnyPointLeavesThePreviousOrTheNewBuild() throws IOException {
    build(out, false);
    Files.writeString(out.resolve("reports/q3.md"), "my notes\n");
    Map<String, String> previous = Manifest.files(out);
    // The next build differs: one more hand-written example file and a changed configuration.
    Files.writeString(repo.resolve("quarry.yaml"),
        Files.readString(repo.resolve("quarry.yaml")).replace("epochs: 4", "epochs: 3"));
    AtomicInteger ops = new AtomicInteger();
    FaultPoint.install((op, p) -> ops.incrementAndGet());
    build(tmp.resolve("count"), false);
    int total = ops.get();
    Map<String, String> next = Manifest.files(tmp.resolve("count"));
    assertThat(next).isNotEqualTo(previous);
    Random random = new Random(17);
    for (int seed = 0; seed < 12; seed++) {
      int at = 1 + random.nextInt(total);
      boolean kill = seed % 2 == 0;
      AtomicInteger n = new AtomicInteger();
      FaultPoint.install((op, p) -> {
        if (n.incrementAndGet() == at) {
          if (kill) {
            throw new Killed();
          }
          throw new IOException("No space left on device");
        }
      });
      try {
        build(out, false);
      } catch (Killed | IOException e) {
        // the fault
      } finally {
        FaultPoint.install(null);
      }
      Journal.recover(out); // what the next build does first
      Map<String, String> now = Manifest.files(out);
      assertThat(now).as("seed %d (%s at operation %d of %d)", seed, kill ? "kill" : "full disk", at, total)
          .isIn(previous, next);
      assertFolderMatchesManifest(out, 1);
      assertThat(out.resolve("reports/q3.md")).hasContent("my notes");
      // Back to the previous build for the next seed.
      Files.writeString(repo.resolve("quarry.yaml"), Files.readString(repo.resolve("quarry.yaml")).replace("epochs: 3", "epochs: 4"));
      build(out, false);
      assertThat(Manifest.files(out)).isEqualTo(previous);
      Files.writeString(repo.resolve("quarry.yaml"), Files.readString(repo.resolve("quarry.yaml")).replace("epochs: 4", "epochs: 3"));
    }
  }

  @Test
  void aBuildKilledWhileSwappingFilesInIsCompletedByTheNextBuildNotRefused() throws IOException {
    build(out, false);
    Files.writeString(out.resolve("reports/q3.md"), "my notes\n");
    Files.writeString(repo.resolve("quarry.yaml"),
        Files.readString(repo.resolve("quarry.yaml")).replace("epochs: 4", "epochs: 3"));
    AtomicInteger renames = new AtomicInteger(-1);
    FaultPoint.install((op, p) -> {
      if (op.equals("journal")) {
        renames.set(0);
      } else if (op.equals("rename") && renames.get() >= 0 && renames.incrementAndGet() == 3) {
        throw new Killed(); // the journal is in place, two files moved, the old manifest gone
      }
    });
    try {
      build(out, false);
    } catch (Killed e) {
      // the kill
    } finally {
      FaultPoint.install(null);
    }
    assertThat(out.resolve(Journal.FILE)).exists();
    assertThat(out.resolve(Manifest.FILE)).doesNotExist();
    BuildPipeline.Result r = build(out, false);
    assertThat(r.notes()).contains("completed the interrupted swap of the previous build");
    assertFolderMatchesManifest(out, 1);
    assertThat(out.resolve("reports/q3.md")).hasContent("my notes");
  }

  @Test
  void aBuildWhoseEveryStageEndsEmptyStopsWithAReasonAndAManifest() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    BuildPipeline.Result r = new BuildPipeline(ProgressListener.NONE).run(empty, null, out);
    assertThat(r.stoppedBecause()).get().asString().startsWith("no example extracted from ")
        .endsWith(" — see reports/coverage.json");
    assertThat(Manifest.verify(out)).isEmpty();
    assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"stopped\"");
  }

  /** Every listed file is there with its hash, and no file but the listed ones, {@code foreign} user files and Quarry's bookkeeping. */
  private static void assertFolderMatchesManifest(Path out, int foreign) throws IOException {
    assertThat(Manifest.verify(out)).isEmpty();
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        if (!OutputFolder.INTERNAL.contains(rel) && !rel.equals(Manifest.FILE)) {
          actual.put(rel, Hashing.sha256(p));
        }
      }
    }
    assertThat(out.resolve(OutputFolder.STAGING)).doesNotExist();
    assertThat(actual.size() - foreign).isEqualTo(Manifest.files(out).size());
    assertThat(actual).containsAllEntriesOf(Manifest.files(out));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
