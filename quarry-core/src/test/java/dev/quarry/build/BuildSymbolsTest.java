package dev.quarry.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.eval.symbols.SymbolIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reports/symbols.json} holds the names of accepted records only: nothing from a rejected one. */
class BuildSymbolsTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  @TempDir
  Path tmp;

  @Test
  void theSymbolIndexKeepsNoNameThatOnlyARejectedRecordHad() throws IOException {
    Path repo = tmp.resolve("repo");
    for (Path root : List.of(DEMO.resolve("quarry.yaml"), DEMO.resolve("training"))) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Path to = repo.resolve(DEMO.relativize(p).toString());
          Files.createDirectories(to.getParent());
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path out = tmp.resolve("out");
    new BuildPipeline(ProgressListener.NONE).run(repo, null, out);
    SymbolIndex written = SymbolIndex.load(out.resolve("reports/symbols.json"));
    SymbolIndex rejected = SymbolIndex.build(out.resolve("rejected.jsonl"));
    SymbolIndex accepted = SymbolIndex.build(out.resolve("work/accepted.jsonl"));
    // training/handcrafted/planted-secret.md is rejected (a GitHub token); its functions are nowhere else.
    for (String name : List.of("check_readiness", "open_issue")) {
      assertThat(rejected.knows(name)).as(name + " in the rejected record").isTrue();
      assertThat(accepted.knows(name)).as(name + " in an accepted record").isFalse();
      assertThat(written.knows(name)).as(name + " in symbols.json").isFalse();
    }
    assertThat(written.toJson()).isEqualTo(accepted.toJson());
  }
}
