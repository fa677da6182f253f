package dev.quarry.synth;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.prose;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After the split, synthetic train examples that overlap a held-out split go; mined ones never do. */
class HeldOutGuardTest {
  @TempDir
  Path dir;

  @Test
  void dropsOnlySyntheticTrainExamplesThatOverlapAHeldOutSplit() throws Exception {
    String heldOutAnswer = prose(1, 120);
    Example minedTwin = example("mined question", heldOutAnswer, "sdk", "src/a.py");
    Example syntheticTwin = example("synthetic question", heldOutAnswer, "sdk", "src/a.py")
        .withTags(List.of(Synthesizer.TAG));
    Example syntheticOwn = example("another synthetic question", prose(2, 120), "sdk", "src/b.py")
        .withTags(List.of(Synthesizer.TAG));
    Path train = write(dir.resolve("train.jsonl"), List.of(minedTwin, syntheticTwin, syntheticOwn));
    Path test = write(dir.resolve("test.jsonl"), List.of(example("held-out question", heldOutAnswer, "sdk", "src/c.py")));

    long dropped = HeldOutGuard.dropOverlapping(train, List.of(dir.resolve("validation.jsonl"), test));

    assertThat(dropped).isEqualTo(1);
    assertThat(read(train)).containsExactly(minedTwin, syntheticOwn);
  }

  @Test
  void withoutHeldOutFilesTrainIsLeftAsItIs() throws Exception {
    Path train = write(dir.resolve("train.jsonl"), List.of(example("q", prose(3, 50), "sdk", "src/a.py")
        .withTags(List.of(Synthesizer.TAG))));
    byte[] before = Files.readAllBytes(train);
    assertThat(HeldOutGuard.dropOverlapping(train, List.of(dir.resolve("test.jsonl")))).isZero();
    assertThat(Files.readAllBytes(train)).isEqualTo(before);
  }
}
