package dev.quarry.dataset.balance;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.CategorySpec;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancerTest {
  @TempDir
  Path dir;

  private static QuarryConfig targets(int sdk, int testing) {
    return QuarryConfig.defaults().withCategories(List.of(new CategorySpec("sdk", List.of(), List.of(), sdk),
        new CategorySpec("testing", List.of(), List.of(), testing)));
  }

  private static Example withSymbol(String q, String a, String cat, String path, String symbol) {
    return Example.of(List.of(Message.user(q), Message.assistant(a)), cat, "python",
        new Source("functions", "repo", path, null, symbol, null));
  }

  @Test
  void downsamplesTheBestSpreadAcrossSourceFiles() throws Exception {
    List<Example> in = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      in.add(example("a" + i, "answer with tests: assert x == " + i, "sdk", "a.py"));
    }
    in.add(example("b", "short", "sdk", "b.py"));
    in.add(example("c", "short", "sdk", "c.py"));
    Path file = write(dir.resolve("in.jsonl"), in);

    BalanceReport r = new Balancer(targets(3, 0), 0, ProgressListener.NONE).run(file, dir.resolve("out.jsonl"));

    assertThat(read(dir.resolve("out.jsonl"))).extracting(e -> e.source().path())
        .containsExactlyInAnyOrder("a.py", "b.py", "c.py");
    assertThat(r.in()).isEqualTo(6);
    assertThat(r.out()).isEqualTo(3);
    assertThat(r.removed()).isEqualTo(3);
    assertThat(r.in()).isEqualTo(r.out() + r.removed());
    assertThat(r.categories().get("sdk")).isEqualTo(new CategoryBalance(3, 6, 3, 3, 0, 0));
  }

  @Test
  void withoutConfiguredTargetsNoRealExampleIsThrownAway() throws Exception {
    List<Example> in = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      in.add(example("q" + i, "answer " + i, "sdk", "f" + i + ".py"));
    }
    Path file = write(dir.resolve("in.jsonl"), in);

    BalanceReport r = new Balancer(QuarryConfig.defaults(), 0, ProgressListener.NONE).run(file,
        dir.resolve("out.jsonl"));

    assertThat(r.removed()).isZero();
    assertThat(r.out()).isEqualTo(60);
    assertThat(QuarryConfig.defaults().categories()).allSatisfy(c -> assertThat(c.target()).isZero());
  }

  @Test
  void neverRepeatsUnlessAllowedAndThenAtMostNTimes() throws Exception {
    Path file = write(dir.resolve("in.jsonl"), List.of(example("t", "x", "testing", "t.py")));

    BalanceReport none = new Balancer(targets(0, 5), 0, ProgressListener.NONE).run(file, dir.resolve("a.jsonl"));
    BalanceReport two = new Balancer(targets(0, 5), 2, ProgressListener.NONE).run(file, dir.resolve("b.jsonl"));

    assertThat(none.out()).isEqualTo(1);
    assertThat(two.out()).isEqualTo(3);
    assertThat(two.repeated()).isEqualTo(2);
    assertThat(two.in() + two.repeated()).isEqualTo(two.out() + two.removed());
    assertThat(read(dir.resolve("b.jsonl")).get(2).meta().get("repeat").asInt()).isEqualTo(2);
    assertThat(two.categories().get("testing").missing()).isEqualTo(2);
  }

  @Test
  void deficitPlanNamesUncoveredFilesAndSymbols() throws Exception {
    Path file = write(dir.resolve("in.jsonl"), List.of(withSymbol("q", "a", "testing", "t.py", "test_a")));
    Path extracted = write(dir.resolve("extracted.jsonl"), List.of(
        withSymbol("q", "a", "testing", "t.py", "test_a"),
        withSymbol("q2", "a2", "testing", "t.py", "test_b"),
        withSymbol("q3", "a3", "testing", "u.py", "test_c"),
        withSymbol("q4", "a4", "sdk", "s.py", "client")));

    BalanceReport r = new Balancer(targets(0, 4), 0, ProgressListener.NONE).withCoverage(List.of(extracted))
        .run(file, dir.resolve("out.jsonl"));

    DeficitPlan.Entry e = r.plan().entries().get(0);
    assertThat(e.category()).isEqualTo("testing");
    assertThat(e.missing()).isEqualTo(3);
    assertThat(e.coveredFiles()).isEqualTo(1);
    assertThat(e.uncovered()).containsOnlyKeys("repo:t.py", "repo:u.py");
    assertThat(e.uncovered().get("repo:t.py")).containsExactly("test_b");
    assertThat(r.plan().toJson().at("/categories/0/uncovered/1/symbols/0").asText()).isEqualTo("test_c");
  }

  @Test
  void selectionIsRoundRobinOverFilesBestFirst() {
    long[] quality = {5, 9, 7, 1};
    long[] ids = {1, 2, 3, 4};
    String[] files = {"a", "a", "b", "b"};

    assertThat(Selection.order(List.of(0, 1, 2, 3), quality, ids, files)).containsExactly(1, 2, 0, 3);
  }
}
