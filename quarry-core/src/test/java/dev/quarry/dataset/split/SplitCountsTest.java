package dev.quarry.dataset.split;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.SplitSettings;
import dev.quarry.model.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCountsTest {
  @TempDir
  Path dir;

  @Test
  void countsTheRecordsLeftInTheFilesAfterARemovalAndRewritesTheReport() throws Exception {
    List<Example> all = new ArrayList<>();
    for (int f = 0; f < 40; f++) {
      all.add(example("question " + f, "answer " + f, f % 2 == 0 ? "sdk" : "testing", "src/file" + f + ".py"));
    }
    Path out = dir.resolve("out");
    SplitReport r = new Splitter(SplitSettings.defaults(), ProgressListener.NONE)
        .run(write(dir.resolve("in.jsonl"), all), out);
    List<Example> test = read(out.resolve("test.jsonl"));
    assertThat(test).hasSizeGreaterThan(1);
    // What decontamination does: drop one held-out record after the split.
    write(out.resolve("test.jsonl"), test.subList(1, test.size()));
    String dropped = test.get(0).category();

    SplitCounts c = SplitCounts.of(out);
    ObjectNode json = c.applyTo(r.toJson());

    assertThat(c.size(SplitName.TEST)).isEqualTo(r.test() - 1);
    assertThat(c.total()).isEqualTo(39);
    assertThat(json.path("out").asLong()).isEqualTo(39);
    assertThat(json.path("removed").asLong()).isEqualTo(1);
    assertThat(json.path("splits").path("test").asLong()).isEqualTo(r.test() - 1);
    assertThat(json.path("assigned").path("test").asLong()).isEqualTo(r.test());
    assertThat(json.path("categories").path(dropped).path("test").asLong())
        .isEqualTo(r.perCategory().get(dropped).get(SplitName.TEST) - 1);
  }

  @Test
  void aMissingSplitFileCountsAsEmptyAndAnUnchangedReportGetsNoAssignedBlock() throws Exception {
    Path out = Files.createDirectories(dir.resolve("o"));
    write(out.resolve("train.jsonl"), List.of(example("q", "a", "sdk", "a.py")));
    SplitCounts c = SplitCounts.of(out);
    ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("in", 1);
    json.putObject("splits").put("train", 1).put("validation", 0).put("test", 0);

    c.applyTo(json);

    assertThat(c.size(SplitName.VALIDATION)).isZero();
    assertThat(json.has("assigned")).isFalse();
    assertThat(json.path("removed").asLong()).isZero();
  }
}
