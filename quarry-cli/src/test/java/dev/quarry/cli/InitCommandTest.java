package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir
  Path repo;

  @BeforeEach
  void layout() throws IOException {
    write("api/openapi.yaml", "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n");
    write("specs/billing.json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"B\", \"version\": \"1\"}, \"paths\": {}}\n");
    write("app/routers/items.py", "x = 1\n");
    write("app/db/pool.py", "x = 1\n");
    write("tests/test_items.py", "def test_x(): pass\n");
    write("docs/guide.md", "# Guide\n\n## Section\n\ntext\n");
    write("training/handcrafted/a.md", "## User\nq\n## Assistant\na\n");
  }

  private void write(String path, String text) throws IOException {
    Path f = repo.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void writesAStarterConfigThatLoadsBack() {
    CliRun r = CliRun.of("init", repo.toString());

    assertThat(r.code()).isEqualTo(QuarryCli.OK);
    QuarryConfig c = ConfigLoader.load(repo.resolve("quarry.yaml"));
    assertThat(c.extractor("openapi").optionList("specs")).containsExactly("api/openapi.yaml", "specs/billing.json");
    assertThat(c.category("api-endpoints").orElseThrow().paths()).containsExactly("app/routers/**");
    assertThat(c.category("database").orElseThrow().paths()).containsExactly("app/db/**");
    assertThat(c.category("testing").orElseThrow().paths()).containsExactly("tests/**");
    assertThat(c.extractor("docs").paths()).containsExactly("docs/*.md");
    assertThat(c.categoryNames()).hasSize(8);
    assertThat(r.err()).contains("OpenAPI specs: 2", "hand-written example files: 1");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws IOException {
    write("quarry.yaml", "project: mine\n");

    CliRun r = CliRun.of("init", repo.toString());

    assertThat(r.code()).isEqualTo(QuarryCli.USAGE);
    assertThat(r.err()).isEqualTo("quarry: " + repo.resolve("quarry.yaml") + ": already exists (pass --force to overwrite it)\n");
    assertThat(Files.readString(repo.resolve("quarry.yaml"))).isEqualTo("project: mine\n");
  }

  @Test
  void forceOverwrites() throws IOException {
    write("quarry.yaml", "project: mine\n");

    CliRun r = CliRun.of("init", repo.toString(), "--force");

    assertThat(r.code()).isEqualTo(QuarryCli.OK);
    assertThat(Files.readString(repo.resolve("quarry.yaml"))).startsWith("# quarry.yaml for ");
  }

  @Test
  void emptyRepositoryStillGetsALoadableConfig() throws IOException {
    Path empty = Files.createDirectories(repo.resolve("empty"));

    CliRun r = CliRun.of("init", empty.toString());

    assertThat(r.code()).isEqualTo(QuarryCli.OK);
    QuarryConfig c = ConfigLoader.load(empty.resolve("quarry.yaml"));
    assertThat(c.category("standards").orElseThrow().paths()).contains("**/*.md");
  }
}
