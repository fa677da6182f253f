package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry build --resume} on a slice of the demo platform (its OpenAPI spec and hand-written examples):
 * stages are skipped exactly when their inputs and the configuration are unchanged, and a resumed build writes
 * the same files as a full one.
 */
class BuildResumeTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");
  private static final List<String> ALL = List.of("extract", "validate", "combine", "balance", "split", "analyze", "quality",
      "export");

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

  private BuildPipeline.Result build(boolean resume) throws IOException {
    return new BuildPipeline(ProgressListener.NONE).run(repo, null, out, resume);
  }

  @Test
  void resumingAnUnchangedBuildSkipsEveryStageAndChangesNoFile() throws IOException {
    BuildPipeline.Result first = build(false);
    assertThat(first.skipped()).isEmpty();
    assertThat(out.resolve(BuildState.FILE)).exists();
    Map<String, String> before = tree(out);
    BuildPipeline.Result again = build(true);
    assertThat(again.skipped()).containsExactlyElementsOf(ALL);
    assertThat(again.counts().toString()).isEqualTo(first.counts().toString());
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void aRepositoryEditThatChangesNoExampleRerunsOnlyTheStagesThatReadTheRepository() throws IOException {
    build(false);
    Files.writeString(repo.resolve("NOTES.md"), "not mined by any extractor\n");
    // extract and quality (verbatim share against the source) read the repository; the rest only their inputs.
    assertThat(build(true).skipped()).containsExactlyElementsOf(
        ALL.stream().filter(s -> !s.equals("extract") && !s.equals("quality")).toList());
  }

  @Test
  void aConfigurationChangeRerunsEveryStage() throws IOException {
    build(false);
    Files.writeString(repo.resolve("quarry.yaml"),
        Files.readString(repo.resolve("quarry.yaml")).replace("epochs: 4", "epochs: 3"));
    assertThat(build(true).skipped()).isEmpty();
    assertThat(Files.readString(out.resolve("export/axolotl/axolotl.yaml"))).contains("num_epochs: 3");
  }

  @Test
  void aDeletedOrEditedOutputRerunsTheStageThatWroteIt() throws IOException {
    build(false);
    Map<String, String> before = tree(out);
    Files.delete(out.resolve("export/README.md"));
    Files.writeString(out.resolve("reports/report.html"), "edited");
    assertThat(build(true).skipped()).containsExactlyElementsOf(ALL.subList(0, ALL.size() - 1));
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void resumedAndFullBuildsWriteTheSameFiles() throws IOException {
    build(false);
    Files.writeString(repo.resolve("training/handcrafted/extra.md"), "not an example\n");
    build(true);
    Map<String, String> resumed = tree(out);
    Path full = out;
    out = tmp.resolve("full");
    build(false);
    assertThat(tree(out)).isEqualTo(resumed);
    assertThat(full).isNotEqualTo(out);
  }

  /** SHA-256 of every file but the manifest's timestamp line. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (rel.equals("manifest.json")) {
          text = text.replaceAll("\"created_at\" : \"[^\"]*\"", "").replace(dir.toString(), "<out>");
        }
        m.put(rel, dev.quarry.io.Hashing.sha256(text));
      }
    }
    return m;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
