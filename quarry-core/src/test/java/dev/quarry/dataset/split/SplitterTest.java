package dev.quarry.dataset.split;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.SplitSettings;
import dev.quarry.model.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {
  @TempDir
  Path dir;

  private Path dataset(int files, int perFile) throws Exception {
    List<Example> all = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      for (int k = 0; k < perFile; k++) {
        all.add(example("question " + f + "/" + k, "answer " + f + "/" + k, f % 2 == 0 ? "sdk" : "testing",
            "src/file" + f + ".py"));
      }
    }
    return write(dir.resolve("in.jsonl"), all);
  }

  @Test
  void splitKeepsOneSourceFileInOneSplit() throws Exception {
    Path in = dataset(60, 3);

    SplitReport r = new Splitter(SplitSettings.defaults(), ProgressListener.NONE).run(in, dir.resolve("out"));

    Map<String, String> splitOfFile = new HashMap<>();
    for (SplitName s : SplitName.values()) {
      for (Example e : read(dir.resolve("out").resolve(s.fileName()))) {
        String before = splitOfFile.put(e.source().fileKey(), s.wire());
        assertThat(before).as(e.source().fileKey()).isIn(null, s.wire());
      }
    }
    assertThat(r.in()).isEqualTo(180).isEqualTo(r.out());
    assertThat(r.validation()).isBetween(12L, 24L);
    assertThat(r.test()).isBetween(12L, 24L);
    assertThat(r.perCategory()).containsOnlyKeys("sdk", "testing");
  }

  @Test
  void syntheticExamplesAlwaysTrainAndLeaveTheMinedAssignmentAsItWas() throws Exception {
    Path mined = dataset(40, 2);
    List<Example> with = new ArrayList<>(read(mined));
    for (int f = 0; f < 40; f++) {
      // Synthetic examples share the mined seeds' source files, as synthesis writes them.
      with.add(example("synthetic " + f, "synthetic answer " + f, "sdk", "src/file" + f + ".py")
          .withTags(List.of("synthetic")));
    }
    Path both = write(dir.resolve("both.jsonl"), with);
    new Splitter(SplitSettings.defaults(), ProgressListener.NONE).run(mined, dir.resolve("a"));
    SplitReport r = new Splitter(SplitSettings.defaults(), ProgressListener.NONE).run(both, dir.resolve("b"));

    for (SplitName s : List.of(SplitName.VALIDATION, SplitName.TEST)) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(s.fileName())))
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(s.fileName())));
    }
    assertThat(read(dir.resolve("b").resolve(SplitName.TRAIN.fileName())))
        .filteredOn(e -> e.tags().contains("synthetic")).hasSize(40);
    assertThat(r.in()).isEqualTo(120).isEqualTo(r.out());
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedAnotherSplit() throws Exception {
    Path in = dataset(40, 2);
    new Splitter(new SplitSettings(0.1, 0.1, 7), ProgressListener.NONE).run(in, dir.resolve("a"));
    new Splitter(new SplitSettings(0.1, 0.1, 7), ProgressListener.NONE).run(in, dir.resolve("b"));
    new Splitter(new SplitSettings(0.1, 0.1, 8), ProgressListener.NONE).run(in, dir.resolve("c"));

    for (SplitName s : SplitName.values()) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(s.fileName())))
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(s.fileName())));
    }
    assertThat(Files.readAllBytes(dir.resolve("c").resolve("test.jsonl")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("test.jsonl")));
  }

  @Test
  void tinyCategoryGoesToTrainAndIsNoted() throws Exception {
    List<Example> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(example("q" + i, "a" + i, "sdk", "f" + i + ".py"));
    }
    all.add(example("lonely", "answer", "mcp-tools", "tool.py"));
    all.add(example("lonely 2", "answer 2", "mcp-tools", "tool2.py"));
    Path in = write(dir.resolve("in.jsonl"), all);

    SplitReport r = new Splitter(SplitSettings.defaults(), ProgressListener.NONE).run(in, dir.resolve("out"));

    assertThat(r.perCategory().get("mcp-tools")).containsEntry(SplitName.TRAIN, 2L)
        .doesNotContainKey(SplitName.TEST);
    assertThat(r.notes()).containsEntry("mcp-tools",
        "2 examples: too few for the validation/test shares; all in train");
  }
}
