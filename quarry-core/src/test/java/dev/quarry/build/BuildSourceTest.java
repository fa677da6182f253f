package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.QuarryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which entries of an {@code --each-repo} folder become sources. */
class BuildSourceTest {
  @TempDir Path dir;

  @Test
  void eachRepoTakesEveryFolderAndJsonlOrJsonRecordFileButNotHiddenOrOtherFiles() throws Exception {
    Files.createDirectories(dir.resolve("backend"));
    Files.createDirectories(dir.resolve(".cache"));
    Files.writeString(dir.resolve("chat.jsonl"), "{\"messages\": []}\n");
    Files.writeString(dir.resolve("alpaca_demo.json"), "[{\"instruction\": \"a\", \"output\": \"b\"}]\n");
    Files.writeString(dir.resolve("quarry.yaml"), "extractors: {}\n");
    Files.writeString(dir.resolve("notes.md"), "# notes\n");
    Files.writeString(dir.resolve(".hidden.jsonl"), "\n");

    List<BuildSource> sources = BuildSource.resolve(QuarryConfig.defaults(), List.of(), dir);

    assertThat(sources).extracting(BuildSource::name).containsExactly("alpaca_demo", "backend", "chat");
    assertThat(sources).extracting(BuildSource::records).containsExactly(true, false, true);
  }
}
