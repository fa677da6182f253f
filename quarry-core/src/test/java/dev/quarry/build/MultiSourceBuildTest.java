package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import dev.quarry.ProgressListener;
import dev.quarry.QuarryException;
import dev.quarry.UsageException;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.InputFormat;
import dev.quarry.io.Json;
import dev.quarry.io.RecordImport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build of several sources (issue 15): a slice of the demo platform, the demo's MCP server repository and the
 * hand-written OpenAI-format file, built together. Every source reaches the dataset under its own name, the
 * manifest lists each with its commit or SHA-256, {@code --resume} re-extracts only the source that changed,
 * and bad source lists fail with one clear error.
 */
class MultiSourceBuildTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir
  Path tmp;

  Path platform;
  Path mcp;
  Path chat;
  Path out;
  QuarryConfig config;

  @BeforeEach
  void copySources() throws IOException {
    platform = tmp.resolve("platform");
    Path demo = EXAMPLES.resolve("acme-platform");
    copy(demo.resolve("quarry.yaml"), platform.resolve("quarry.yaml"));
    copy(demo.resolve("backend/openapi.yaml"), platform.resolve("backend/openapi.yaml"));
    copyTree(demo.resolve("training"), platform.resolve("training"));
    // A detached HEAD: the platform is "a git checkout" at COMMIT; the MCP server is in no work tree.
    Files.createDirectories(platform.resolve(".git"));
    Files.writeString(platform.resolve(".git/HEAD"), COMMIT + "\n");
    mcp = tmp.resolve("acme-mcp-server");
    copyTree(EXAMPLES.resolve("acme-mcp-server"), mcp);
    chat = copy(EXAMPLES.resolve("handwritten/acme-chat.jsonl"), tmp.resolve("hand/acme-chat.jsonl"));
    out = tmp.resolve("out");
    config = ConfigLoader.load(platform.resolve("quarry.yaml"));
    RecordImport.configure(InputFormat.AUTO, config);
  }

  @AfterEach
  void resetImport() {
    RecordImport.configure(InputFormat.AUTO, null);
  }

  private BuildPipeline.Result build(boolean resume, Path... sources) throws IOException {
    return new BuildPipeline(ProgressListener.NONE)
        .runSources(BuildSource.resolve(config, List.of(sources), null), config, out, resume, false);
  }

  private BuildPipeline.Result buildAll(boolean resume) throws IOException {
    return build(resume, platform, mcp, chat);
  }

  @Test
  void aRecordFromEachSourceReachesTheDatasetWithItsSourceNamedInProvenance() throws IOException {
    buildAll(false);

    Map<String, Long> byRepo = new TreeMap<>();
    for (JsonNode r : dataset()) {
      byRepo.merge(r.path("source").path("repo").asText(), 1L, Long::sum);
    }
    assertThat(byRepo).containsOnlyKeys("platform", "acme-mcp-server", "acme-chat");
    JsonNode hand = dataset().stream().filter(r -> r.path("source").path("repo").asText().equals("acme-chat"))
        .findFirst().orElseThrow();
    assertThat(hand.path("source").path("extractor").asText()).isEqualTo("import");
    assertThat(hand.path("meta").path("source_id").asText()).startsWith("ex-");
    assertThat(out.resolve("extracted/platform/openapi.jsonl")).exists();
    assertThat(out.resolve("extracted/acme-mcp-server/mcp.jsonl")).exists();
    assertThat(out.resolve("extracted/acme-chat/import.jsonl")).exists();
  }

  @Test
  void theManifestListsEverySourceWithItsCommitOrTheRecordFilesSha256() throws Exception {
    BuildPipeline.Result r = buildAll(false);

    JsonNode sources = Json.mapper().readTree(Files.readString(out.resolve("manifest.json")))
        .path("inputs").path("sources");
    assertThat(sources).hasSize(3);
    assertThat(sources.get(0).path("name").asText()).isEqualTo("platform");
    assertThat(sources.get(0).path("kind").asText()).isEqualTo("repository");
    assertThat(sources.get(0).path("commit").asText()).isEqualTo(COMMIT);
    assertThat(sources.get(1).path("name").asText()).isEqualTo("acme-mcp-server");
    assertThat(sources.get(1).path("commit").isNull()).as("no work tree, no commit").isTrue();
    assertThat(sources.get(2).path("kind").asText()).isEqualTo("records");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(chat)));
    assertThat(sources.get(2).path("sha256").asText()).isEqualTo(sha);
    assertThat(r.counts().path("extract").fieldNames()).toIterable()
        .containsExactly("platform", "acme-mcp-server", "acme-chat");
    assertThat(r.counts().path("extract").path("acme-chat").path("import").asLong()).isEqualTo(5);
  }

  @Test
  void resumingReExtractsOnlyTheSourceThatChanged() throws IOException {
    buildAll(false);
    appendRecord(chat, "How do I rotate an Acme API key?", "Call `client.rotate_key()` and store the new key.");

    BuildPipeline.Result again = buildAll(true);

    assertThat(again.skipped()).contains("extract:platform", "extract:acme-mcp-server")
        .doesNotContain("extract:acme-chat", "combine");
    assertThat(again.counts().path("extract").path("acme-chat").path("import").asLong()).isEqualTo(6);
  }

  @Test
  void aBuildInterruptedByOneBadSourceKeepsThePreviousBuildAndTheResumeReusesTheUnchangedSources()
      throws IOException {
    buildAll(false);
    String manifest = Files.readString(out.resolve("manifest.json"));
    String good = Files.readString(chat);
    Files.writeString(chat, "{not json\n", StandardOpenOption.APPEND);

    assertThatThrownBy(() -> buildAll(true)).isInstanceOf(InputException.class)
        .hasMessageContaining(chat + ":6").extracting(e -> ((QuarryException) e).exitCode()).isEqualTo(3);
    assertThat(Files.readString(out.resolve("manifest.json"))).isEqualTo(manifest);

    Files.writeString(chat, good);
    BuildPipeline.Result resumed = buildAll(true);
    assertThat(resumed.skipped()).contains("extract:platform", "extract:acme-mcp-server", "extract:acme-chat");
  }

  @Test
  void theSameRecordsInTwoSourcesAreDeduplicatedAcrossThem() throws IOException {
    Path twin = copy(chat, tmp.resolve("other/acme-chat-copy.jsonl"));

    BuildPipeline.Result r = build(false, platform, chat, twin);

    assertThat(r.counts().path("extract").path("acme-chat-copy").path("import").asLong()).isEqualTo(5);
    JsonNode combine = r.counts().path("combine");
    assertThat(combine.path("in").asLong() - combine.path("out").asLong()).isEqualTo(5);
    long hand = dataset().stream().filter(x -> x.path("source").path("extractor").asText().equals("import")).count();
    assertThat(hand).isBetween(1L, 5L);
  }

  @Test
  void sourcesInTheConfigurationTakeANameAndAnExcludeOfTheirOwn() throws IOException {
    Path yaml = tmp.resolve("platform.yaml");
    Files.writeString(yaml, Files.readString(platform.resolve("quarry.yaml")) + """
        sources:
          - {path: platform, name: backend}
          - {path: acme-mcp-server, exclude: ["tests/**"]}
          - hand/acme-chat.jsonl
        """);
    config = ConfigLoader.load(yaml);

    List<BuildSource> sources = BuildSource.resolve(config, List.of(), null);
    assertThat(sources).extracting(BuildSource::name).containsExactly("backend", "acme-mcp-server", "acme-chat");
    assertThat(sources).extracting(BuildSource::records).containsExactly(false, false, true);
    BuildPipeline.Result r = new BuildPipeline(ProgressListener.NONE).runSources(sources, config, out, false, false);

    assertThat(r.counts().path("extract").path("acme-mcp-server").path("tests").asLong()).isZero();
    assertThat(r.counts().path("extract").path("acme-mcp-server").path("mcp").asLong()).isPositive();
    assertThat(dataset()).anyMatch(x -> x.path("source").path("repo").asText().equals("backend"));
  }

  @Test
  void twoSourcesWithTheSameNameAreAUsageErrorNamingBothPaths() throws IOException {
    Path other = Files.createDirectories(tmp.resolve("elsewhere/platform"));

    assertThatThrownBy(() -> BuildSource.resolve(config, List.of(platform, other), null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("two sources are named \"platform\"").hasMessageContaining(platform.toString())
        .hasMessageContaining(other.toString()).hasMessageContaining("name:");
  }

  @Test
  void aSourceThatIsNeitherAFolderNorAFileIsAnInputErrorNamingIt() {
    Path missing = tmp.resolve("no-such-repo");

    assertThatThrownBy(() -> BuildSource.resolve(config, List.of(platform, missing), null))
        .isInstanceOf(InputException.class).hasMessageContaining(missing.toString())
        .hasMessageContaining("neither a folder nor a file")
        .extracting(e -> ((QuarryException) e).exitCode()).isEqualTo(3);
  }

  @Test
  void onlyRecordFilesAndNoRepositoryIsAUsageError() {
    assertThatThrownBy(() -> build(false, chat)).isInstanceOf(UsageException.class)
        .hasMessageContaining("no repository among the sources");
  }

  private List<JsonNode> dataset() throws IOException {
    List<JsonNode> all = new java.util.ArrayList<>();
    for (String s : List.of("train", "validation", "test")) {
      for (String l : Files.readAllLines(out.resolve("dataset").resolve(s + ".jsonl"), StandardCharsets.UTF_8)) {
        all.add(Json.mapper().readTree(l));
      }
    }
    return all;
  }

  private static void appendRecord(Path file, String question, String answer) throws IOException {
    String line = Json.mapper().writeValueAsString(Map.of("messages", List.of(
        Map.of("role", "user", "content", question), Map.of("role", "assistant", "content", answer))));
    Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(from, to);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }
}
