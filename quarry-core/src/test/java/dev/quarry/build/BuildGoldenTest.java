package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of {@code quarry build}: every case under {@code src/test/resources/golden/build/<case>/} has an
 * {@code input} repository (or {@code input.txt} naming one relative to the project root, for the demo) and the
 * {@code expected} output tree. Each case is built twice; both builds must be byte-identical to the expected
 * files, apart from the manifest's timestamp and repository path. Regenerate with
 * {@code -Dquarry.golden.update=true}.
 */
class BuildGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/build");

  @TempDir
  Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void buildMatchesGoldenFilesAndIsReproducible(String name) throws IOException {
    Path caseDir = GOLDEN.resolve(name);
    Path input = caseDir.resolve("input");
    if (Files.isRegularFile(caseDir.resolve("input.txt"))) {
      input = Path.of(Files.readString(caseDir.resolve("input.txt")).trim());
    }
    // A copy outside any git work tree, so source.commit is null and the golden files do not depend on HEAD.
    Path repo = tmp.resolve("repo").resolve(name);
    copyTree(input, repo);
    Path out1 = tmp.resolve("out1");
    Path out2 = tmp.resolve("out2");
    new BuildPipeline(ProgressListener.NONE).run(repo, null, out1);
    new BuildPipeline(ProgressListener.NONE).run(repo, null, out2);
    normaliseManifest(out1);
    normaliseManifest(out2);
    assertSameTree(out1, out2, "second build");
    Path expected = caseDir.resolve("expected");
    if (Boolean.getBoolean("quarry.golden.update")) {
      deleteTree(expected);
      copyTree(out1, expected);
      return;
    }
    assertThat(expected).as("golden files of case " + name + " (create them with -Dquarry.golden.update=true)").isDirectory();
    assertSameTree(expected, out1, "golden " + name);
  }

  private static void normaliseManifest(Path out) throws IOException {
    Path m = out.resolve("manifest.json");
    ObjectNode n = (ObjectNode) Json.mapper().readTree(m.toFile());
    n.put("created_at", "<timestamp>");
    ((ObjectNode) n.get("inputs")).put("repo", "<repo>");
    Files.writeString(m, Json.pretty().writeValueAsString(n) + "\n");
  }

  private static void assertSameTree(Path expected, Path actual, String what) throws IOException {
    List<String> e = relativeFiles(expected);
    List<String> a = relativeFiles(actual);
    assertThat(a).as(what + ": file list").containsExactlyElementsOf(e);
    List<String> order = new ArrayList<>(e);
    // The manifest holds every file's hash: compare it last, so a failure names the file that differs.
    if (order.remove("manifest.json")) {
      order.add("manifest.json");
    }
    for (String f : order) {
      byte[] eb = Files.readAllBytes(expected.resolve(f));
      byte[] ab = Files.readAllBytes(actual.resolve(f));
      if (!java.util.Arrays.equals(eb, ab)) {
        fail(what + ": " + f + " differs at " + firstDifference(eb, ab)
            + " (regenerate with -Dquarry.golden.update=true if the change is intended)");
      }
    }
  }

  private static String firstDifference(byte[] expected, byte[] actual) {
    String[] e = new String(expected, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
    String[] a = new String(actual, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end of file>";
      String al = i < a.length ? a[i] : "<end of file>";
      if (!el.equals(al)) {
        return "line " + (i + 1) + ":\n  expected: " + abbreviate(el) + "\n  actual:   " + abbreviate(al);
      }
    }
    return "bytes only";
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      // The lock file is bookkeeping of the folder (empty between builds), not an output.
      return new ArrayList<>(new TreeSet<>(s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/')).filter(p -> !p.equals(BuildLock.FILE)).toList()));
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        // Byte-code caches are local leftovers, never part of a clone: copying them would make the output
        // depend on the machine.
        if (p.toString().contains("__pycache__")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
