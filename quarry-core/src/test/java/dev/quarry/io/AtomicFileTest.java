package dev.quarry.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir
  Path dir;

  @Test
  void interruptedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("train.jsonl");
    Files.writeString(target, "old\n");
    assertThatThrownBy(() -> {
      try (AtomicFile f = AtomicFile.create(target)) {
        f.out().write("new partial".getBytes(StandardCharsets.UTF_8));
        throw new IllegalStateException("interrupted");
      }
    }).hasMessage("interrupted");
    assertThat(Files.readString(target)).isEqualTo("old\n");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("train.jsonl");
    }
  }

  @Test
  void commitReplacesTheFileCompletely() throws IOException {
    Path target = dir.resolve("sub/dir/out.json");
    AtomicFile.writeString(target, "{}\n");
    AtomicFile.writeString(target, "{\"a\":1}\n");
    assertThat(Files.readString(target)).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void nothingIsVisibleAtTheTargetBeforeCommit() throws IOException {
    Path target = dir.resolve("x.jsonl");
    try (JsonlWriter w = JsonlWriter.open(target)) {
      w.write(Json.mapper().readTree("{\"a\":1}"));
      assertThat(target).doesNotExist();
      w.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("{\"a\":1}\n");
  }
}
