package dev.quarry.dataset.decontaminate;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.prose;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.DedupSettings;
import dev.quarry.dataset.combine.CombineReport;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.model.Example;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecontaminatorTest {
  @TempDir
  Path dir;

  private final Decontaminator d = new Decontaminator(DecontaminationSettings.defaults(), ProgressListener.NONE);

  @Test
  void dropsTrainingRecordsThatContainAnEvaluationItem() throws Exception {
    String evalText = prose(10, 40);
    Path eval = write(dir.resolve("eval.jsonl"), List.of(example("Benchmark task", evalText, "sdk", "e.py")));
    Example leaked = example("Solve this", "Intro. " + evalText + " Outro.", "sdk", "a.py");
    Example clean = example("Other", prose(11, 40), "sdk", "b.py");
    Path train = write(dir.resolve("train.jsonl"), List.of(leaked, clean));

    DecontaminationReport r = d.filter(train, List.of(eval), dir.resolve("out.jsonl"));

    assertThat(read(dir.resolve("out.jsonl"))).extracting(Example::id).containsExactly(clean.id());
    assertThat(r.removed()).isEqualTo(1);
    assertThat(r.in()).isEqualTo(r.out() + r.removed());
    assertThat(r.records().get(0).id()).isEqualTo(leaked.id());
    assertThat(r.records().get(0).input()).endsWith("train.jsonl:1");
    assertThat(r.records().get(0).overlap()).isGreaterThan(0.5);
  }

  @Test
  void sharedBoilerplateBelowTheThresholdIsKept() throws Exception {
    String boiler = prose(20, 14);
    Path eval = write(dir.resolve("eval.jsonl"), List.of(example("x", boiler + " " + prose(21, 60), "sdk", "e.py")));
    Path train = write(dir.resolve("train.jsonl"), List.of(example("y", boiler + " " + prose(22, 200), "sdk",
        "a.py")));

    DecontaminationReport r = d.filter(train, List.of(eval), dir.resolve("out.jsonl"));

    assertThat(r.removed()).isZero();
  }

  @Test
  void heldOutRecordsOverlappingTrainAreRemovedInPlace() throws Exception {
    String shared = prose(30, 50);
    Path train = write(dir.resolve("train.jsonl"), List.of(example("t", shared, "sdk", "a.py")));
    Example copy = example("v", shared + " tail", "sdk", "b.py");
    Example fresh = example("v2", prose(31, 50), "sdk", "c.py");
    Path validation = write(dir.resolve("validation.jsonl"), List.of(copy, fresh));

    DecontaminationReport r = d.heldOutAgainstTrain(train, List.of(validation, dir.resolve("test.jsonl")));

    assertThat(r.removed()).isEqualTo(1);
    assertThat(read(validation)).extracting(Example::id).containsExactly(fresh.id());
    assertThat(read(train)).hasSize(1);
  }

  @Test
  void combineDropsContaminatedRecordsAndReportsThem() throws Exception {
    String evalText = prose(40, 30);
    Path eval = write(dir.resolve("eval.jsonl"), List.of(example("e", evalText, "sdk", "e.py")));
    Path in = write(dir.resolve("in.jsonl"), List.of(example("q", evalText, "sdk", "a.py"),
        example("q2", prose(41, 30), "sdk", "b.py")));

    CombineReport r = new Combiner(DedupSettings.defaults(), ProgressListener.NONE)
        .withDecontamination(EvalIndex.build(List.of(eval), 13), 0.2).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(r.contaminated()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(1);
    assertThat(r.contamination().get(0).input()).endsWith("in.jsonl:1");
    assertThat(r.contamination().get(0).overlap()).isGreaterThan(0.9);
  }
}
