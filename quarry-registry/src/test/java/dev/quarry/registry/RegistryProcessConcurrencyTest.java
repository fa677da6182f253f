package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing one registry at the same time: SQLite's file locks, not only in-process ones. */
class RegistryProcessConcurrencyTest {
  @TempDir
  Path tmp;

  @Test
  void aWriterInAnotherProcessAndOneHereBothLandAndOneProductionAdapterRemains() throws Exception {
    Path db = tmp.resolve("registry.db");
    int each = 8;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RegistryWriterProcess.class.getName(), db.toString(), tmp.resolve("child").toString(), "child",
        String.valueOf(each)).redirectErrorStream(true).start();
    RegistryWriterProcess.main(new String[] {db.toString(), tmp.resolve("here").toString(), "here",
        String.valueOf(each)});
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(child.exitValue()).as(output).isZero();
    try (Registry r = Registry.open(db)) {
      assertThat(r.list()).hasSize(2 * each);
      assertThat(r.inStage(Stage.PRODUCTION)).hasSize(1);
      assertThat(r.inStage(Stage.STAGING)).hasSize(2 * each - 1);
    }
  }
}
