package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.UsageException;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 1, 2 and 5: the build deletes only files its previous manifest lists, never a user's file, never
 * a fresh output (whatever inode the file system reuses), refuses the repository as its output folder, and never
 * mines an earlier build's output folder inside the repository.
 */
class BuildOwnershipTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  @TempDir
  Path tmp;

  Path repo;

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
  }

  private void build(Path out) throws IOException {
    new BuildPipeline(ProgressListener.NONE).run(repo, null, out, false);
  }

  @Test
  void firstBuildKeepsTheUsersFilesInOwnedFolders() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("reports"));
    Files.writeString(out.resolve("reports/q3.md"), "quarterly notes\n");
    Files.createDirectories(out.resolve("work"));
    Files.writeString(out.resolve("work/scratch.jsonl"), "{}\n");
    for (String f : new String[] {"reports/q3.md", "work/scratch.jsonl"}) {
      Files.setLastModifiedTime(out.resolve(f),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }
    build(out);
    build(out);
    assertThat(out.resolve("reports/q3.md")).hasContent("quarterly notes");
    assertThat(out.resolve("work/scratch.jsonl")).exists();
  }

  @Test
  void rebuildsNeverLoseAFreshOutput() throws IOException {
    Path out = tmp.resolve("out");
    for (int i = 0; i < 12; i++) {
      build(out);
      assertMatchesManifest(out);
    }
  }

  @Test
  void staleOutputOfThePreviousBuildIsRemovedButAChangedOneIsKept() throws IOException {
    Path out = tmp.resolve("out");
    build(out);
    // Two files an earlier build wrote (its manifest lists them) that this build will not write again.
    Path stale = out.resolve("export/old-format/train.jsonl");
    Path edited = out.resolve("export/old-format/notes.md");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{}\n");
    Files.writeString(edited, "generated\n");
    com.fasterxml.jackson.databind.node.ObjectNode m =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(out.resolve("manifest.json").toFile());
    com.fasterxml.jackson.databind.node.ArrayNode files = (com.fasterxml.jackson.databind.node.ArrayNode) m.get("files");
    files.addObject().put("path", "export/old-format/train.jsonl").put("sha256", Hashing.sha256(stale));
    files.addObject().put("path", "export/old-format/notes.md").put("sha256", Hashing.sha256(edited));
    Files.writeString(out.resolve("manifest.json"), Json.pretty().writeValueAsString(m));
    Files.writeString(edited, "edited by the user\n");
    build(out);
    assertThat(stale).as("unchanged file the previous manifest owned").doesNotExist();
    assertThat(edited).as("the user changed it after the build").hasContent("edited by the user");
    assertMatchesManifest(out);
  }

  @Test
  void theManifestNeverListsTheUsersFiles() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("reports"));
    Files.writeString(out.resolve("reports/q3.md"), "quarterly notes\n");
    Files.setLastModifiedTime(out.resolve("reports/q3.md"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    build(out);
    assertThat(Files.readString(out.resolve("manifest.json"))).doesNotContain("q3.md");
  }

  @Test
  void refusesTheRepositoryOrAnAncestorAsOutputFolder() {
    assertThatThrownBy(() -> build(repo)).isInstanceOf(UsageException.class)
        .hasMessageContaining("contains it");
    assertThatThrownBy(() -> build(tmp)).isInstanceOf(UsageException.class);
    assertThat(repo.resolve("manifest.json")).doesNotExist();
  }

  @Test
  void anOutputFolderInsideTheRepositoryIsNeverMined() throws IOException {
    Path out = repo.resolve("quarry-out");
    build(out);
    String first = Files.readString(out.resolve("dataset/train.jsonl"));
    build(out);
    assertThat(Files.readString(out.resolve("dataset/train.jsonl"))).isEqualTo(first);
    try (Stream<String> lines = Files.lines(out.resolve("dataset/train.jsonl"))) {
      assertThat(lines).noneMatch(l -> l.contains("\"path\":\"quarry-out/"));
    }
  }

  private static void assertMatchesManifest(Path out) throws IOException {
    JsonNode m = Json.mapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.path("files").size()).isPositive();
    for (JsonNode f : m.path("files")) {
      Path p = out.resolve(f.path("path").asText());
      assertThat(p).as("listed in the manifest").isRegularFile();
      assertThat(Hashing.sha256(p)).as(f.path("path").asText()).isEqualTo(f.path("sha256").asText());
    }
    for (String must : new String[] {"dataset/train.jsonl", "dataset/validation.jsonl", "dataset/test.jsonl",
        "reports/validation.sarif"}) {
      assertThat(out.resolve(must)).exists();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
