package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.build.Manifest;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code quarry build} process at seeded random moments: after every kill the output
 * folder holds the previous complete build or the new one (it matches its manifest, or holds the journal of a
 * swap the next build completes), no foreign file is deleted, and the next build or {@code --resume} succeeds
 * and matches a clean build of the same inputs.
 *
 * <p>In CI it kills {@code -Dquarry.kill.count} (default 4) builds of a slice of the demo; with
 * {@code -Dquarry.kill.repo=full} it builds the whole demo, {@code -Dquarry.kill.seed} picks the moments. The
 * figures are printed as one {@code quarry.kill:} line (docs/measurements/issue-17.md).
 */
class BuildKillTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");
  private static final int KILLS = Integer.getInteger("quarry.kill.count", 4);
  private static final long SEED = Long.getLong("quarry.kill.seed", 17);
  private static final boolean FULL = "full".equals(System.getProperty("quarry.kill.repo"));

  /** The user's files planted in the folders, relative path to content; none may be deleted or changed. */
  private static final Map<String, String> FOREIGN = Map.of(
      "reports/q3.md", "my notes\n",
      "dataset/mine.jsonl", "{\"mine\": true}\n",
      "notes.txt", "top-level note\n",
      "export/trl/keep.py", "print('mine')\n");

  @TempDir
  Path tmp;

  private Path repo;

  @Test
  void aBuildKilledAtRandomMomentsLeavesAFolderMatchingItsManifestAndTheNextBuildCompletesIt() throws Exception {
    repo = tmp.resolve("repo");
    copyDemo(repo);
    String configA = Files.readString(repo.resolve("quarry.yaml"));
    String configB = configA.replace("epochs: 4", "epochs: 3");
    assertThat(configB).isNotEqualTo(configA);

    // Two folders, first built clean: one Quarry made (the user adds files later), one holding a user's files
    // that is built into with --force. Their manifests are what a folder may list after any kill.
    Path owned = tmp.resolve("out");
    long t0 = System.nanoTime();
    Map<String, String> refA = build(owned, false);
    long buildMillis = (System.nanoTime() - t0) / 1_000_000;
    plant(owned);
    Path forced = tmp.resolve("forced");
    Files.createDirectories(forced);
    plant(forced);
    Files.writeString(repo.resolve("quarry.yaml"), configB);
    Map<String, String> refB = build(forced, true);
    assertThat(refA).isNotEqualTo(refB);
    Map<Path, Boolean> isA = new LinkedHashMap<>(Map.of(owned, true, forced, false));

    Random random = new Random(SEED);
    int matched = 0;
    int midSwap = 0;
    int finished = 0;
    int foreignLost = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      Path out = i % 2 == 0 ? owned : forced;
      boolean nextA = !isA.get(out);
      Files.writeString(repo.resolve("quarry.yaml"), nextA ? configA : configB);
      boolean resume = random.nextBoolean();
      // Half the kills anywhere in the build, half in the last moments, while the files are swapped in.
      boolean late = random.nextBoolean();
      long delay = late ? random.nextInt(150) : random.nextInt((int) Math.max(1, buildMillis * 11 / 10));
      String what = String.format("kill %d (%s, %s %d ms%s)", i, out.getFileName(), late ? "after staging" : "after start",
          delay, resume ? ", --resume" : "");

      Process p = run(out, resume, false);
      if (late) {
        Path stagedManifest = out.resolve(".quarry-staging/manifest.json");
        while (p.isAlive() && !Files.exists(stagedManifest)) {
          Thread.sleep(1);
        }
      }
      Thread.sleep(delay);
      boolean killed = p.isAlive();
      p.destroyForcibly();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      if (!killed) {
        finished++;
        assertThat(p.exitValue()).as(what + ": finished before the kill").isZero();
      }

      foreignLost += lostForeign(out);
      if (Files.exists(out.resolve(".quarry-journal.json"))) {
        midSwap++;
      } else {
        List<String> problems = problems(out);
        Map<String, String> now = listed(out);
        if (!now.equals(refA) && !now.equals(refB)) {
          problems.add("the manifest lists neither the previous nor the new build");
        }
        if (problems.isEmpty()) {
          matched++;
        } else {
          mismatches.add(what + ": " + problems);
        }
      }

      // The next build (a rebuild or --resume) completes the folder to the new inputs.
      Process next = run(out, random.nextBoolean(), false);
      String err = new String(next.getErrorStream().readAllBytes());
      assertThat(next.waitFor()).as(what + ": the next build: " + err).isZero();
      assertThat(problems(out)).as(what + ": after the next build").isEmpty();
      assertThat(listed(out)).as(what + ": after the next build").isEqualTo(nextA ? refA : refB);
      assertThat(lostForeign(out)).as(what + ": foreign files after the next build").isZero();
      isA.put(out, nextA);
    }
    System.out.printf("quarry.kill: repo %s, seed %d, build %d ms, kills %d: matched manifest %d, mid-swap journal "
        + "(completed by the next build) %d, finished before the kill %d; manifest mismatches %d; foreign files "
        + "deleted %d%n", FULL ? "full demo" : "demo slice", SEED, buildMillis, KILLS, matched, midSwap, finished,
        mismatches.size(), foreignLost);
    assertThat(mismatches).isEmpty();
    assertThat(foreignLost).isZero();
  }

  /** Starts {@code quarry build} in its own JVM, as a user would. */
  private Process run(Path out, boolean resume, boolean force) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        QuarryCli.class.getName(), "build", repo.toString(), "-o", out.toString(), "-q"));
    if (resume) {
      cmd.add("--resume");
    }
    if (force) {
      cmd.add("--force");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
    return pb.start();
  }

  private Map<String, String> build(Path out, boolean force) throws Exception {
    Process p = run(out, false, force);
    String err = new String(p.getErrorStream().readAllBytes());
    assertThat(p.waitFor()).as(err).isZero();
    assertThat(problems(out)).isEmpty();
    return listed(out);
  }

  /** The files {@code out/manifest.json} lists, path to SHA-256; empty without one. */
  private static Map<String, String> listed(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isRegularFile(out.resolve("manifest.json"))) {
      Json.mapper().readTree(out.resolve("manifest.json").toFile()).path("files")
          .forEach(f -> files.put(f.path("path").asText(), f.path("sha256").asText()));
    }
    return files;
  }

  private static void plant(Path out) throws IOException {
    for (Map.Entry<String, String> f : FOREIGN.entrySet()) {
      Files.createDirectories(out.resolve(f.getKey()).getParent());
      Files.writeString(out.resolve(f.getKey()), f.getValue());
    }
  }

  private static int lostForeign(Path out) throws IOException {
    int lost = 0;
    for (Map.Entry<String, String> f : FOREIGN.entrySet()) {
      Path p = out.resolve(f.getKey());
      if (!Files.isRegularFile(p) || !Files.readString(p).equals(f.getValue())) {
        lost++;
      }
    }
    return lost;
  }

  /**
   * How {@code out} differs from its manifest: a listed file missing or changed, or a file that is neither
   * listed, the user's, nor Quarry's bookkeeping (lock, resume state, staging leftovers the next build removes).
   */
  private static List<String> problems(Path out) throws IOException {
    List<String> problems = new ArrayList<>(Manifest.verify(out));
    Map<String, String> listed = listed(out);
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        boolean bookkeeping = rel.equals("manifest.json") || rel.equals(".quarry-lock")
            || rel.equals(".quarry-state.json") || rel.startsWith(".quarry-staging/")
            || rel.matches("\\.\\.quarry-journal\\.json\\.\\d+\\.tmp");
        if (!bookkeeping && !FOREIGN.containsKey(rel) && !listed.containsKey(rel)) {
          problems.add(rel + ": in the folder but not in its manifest");
        }
      }
    }
    if (Files.exists(out.resolve("manifest.json"))) {
      // The manifest is valid JSON written in one piece.
      Json.mapper().readTree(out.resolve("manifest.json").toFile());
    }
    return problems;
  }

  private void copyDemo(Path to) throws IOException {
    List<Path> roots = FULL ? List.of(DEMO) : List.of(DEMO.resolve("quarry.yaml"), DEMO.resolve("backend/openapi.yaml"),
        DEMO.resolve("training"));
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Path target = to.resolve(DEMO.relativize(p).toString());
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
