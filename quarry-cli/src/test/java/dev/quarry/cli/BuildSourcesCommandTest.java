package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry build} of several sources from the command line (issue 15): {@code --each-repo} over a folder
 * of repositories, the first repository's quarry.yaml as the build's configuration, and one-line errors with
 * their exit codes for a duplicate name and a path that does not exist.
 */
class BuildSourcesCommandTest {
  private static final Path EXAMPLES = Path.of("../examples");

  @TempDir
  Path dir;

  /** A folder holding a slice of the demo platform, the demo's MCP server and the hand-written OpenAI file. */
  private Path platformFolder() throws Exception {
    Path root = dir.resolve("platform-repos");
    Path demo = EXAMPLES.resolve("acme-platform");
    List<Path> files = new ArrayList<>(List.of(demo.resolve("quarry.yaml"), demo.resolve("backend/openapi.yaml")));
    try (Stream<Path> s = Files.walk(demo.resolve("training"))) {
      files.addAll(s.filter(Files::isRegularFile).toList());
    }
    for (Path p : files) {
      copy(p, root.resolve("acme-platform").resolve(demo.relativize(p).toString()));
    }
    try (Stream<Path> s = Files.walk(EXAMPLES.resolve("acme-mcp-server"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        copy(p, root.resolve("acme-mcp-server").resolve(EXAMPLES.resolve("acme-mcp-server").relativize(p).toString()));
      }
    }
    copy(EXAMPLES.resolve("handwritten/acme-chat.jsonl"), root.resolve("acme-chat.jsonl"));
    Files.writeString(root.resolve(".hidden-notes.jsonl"), "not a source\n");
    return root;
  }

  @Test
  void eachRepoBuildsEveryFolderAndRecordFileInsideAsOneSourceEach() throws Exception {
    Path root = platformFolder();
    Path out = dir.resolve("out");

    CliRun r = CliRun.of("build", "--each-repo", root.toString(), "-o", out.toString(), "-c",
        root.resolve("acme-platform/quarry.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode sources = manifest(out).path("inputs").path("sources");
    assertThat(sources.findValuesAsText("name")).containsExactly("acme-chat", "acme-mcp-server", "acme-platform");
    assertThat(r.err()).contains("acme-platform ").contains("acme-mcp-server ").contains("acme-chat 5 (import 5)");
    assertThat(Files.readString(out.resolve("dataset/train.jsonl"))).contains("\"repo\":\"acme-mcp-server\"");
  }

  @Test
  void severalRepositoriesWithoutConfigUseTheFirstRepositorysQuarryYaml() throws Exception {
    Path root = platformFolder();
    Path out = dir.resolve("out");

    CliRun r = CliRun.of("build", root.resolve("acme-platform").toString(), root.resolve("acme-mcp-server").toString(),
        root.resolve("acme-chat.jsonl").toString(), "-o", out.toString(), "-q");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(manifest(out).path("config").path("path").asText())
        .isEqualTo(root.resolve("acme-platform/quarry.yaml").toString());
    // The demo's system prompt comes from that quarry.yaml, not the defaults.
    assertThat(Files.readString(out.resolve("dataset/train.jsonl"))).contains("expert engineer on the Acme platform");
  }

  @Test
  void twoSourcesWithTheSameNameExitWith2AndOneLineNamingTheFix() throws Exception {
    Path root = platformFolder();
    Path twin = Files.createDirectories(dir.resolve("other/acme-platform"));

    CliRun r = CliRun.of("build", root.resolve("acme-platform").toString(), twin.toString(), "-o",
        dir.resolve("out").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).hasLineCount(1).contains("two sources are named \"acme-platform\"").contains("sources:")
        .contains("name:");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aSourceThatIsNeitherAFolderNorAFileExitsWith3AndOneLineNamingIt() throws Exception {
    Path root = platformFolder();
    Path missing = dir.resolve("acme-docs");

    CliRun r = CliRun.of("build", root.resolve("acme-platform").toString(), missing.toString(), "-o",
        dir.resolve("out").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).hasLineCount(1).startsWith("quarry: " + missing).contains("neither a folder nor a file");
  }

  private static JsonNode manifest(Path out) throws Exception {
    return Json.mapper().readTree(Files.readString(out.resolve("manifest.json")));
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
