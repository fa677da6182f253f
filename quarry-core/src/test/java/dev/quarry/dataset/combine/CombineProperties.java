package dev.quarry.dataset.combine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.config.DedupSettings;
import dev.quarry.dataset.TestRecords;
import dev.quarry.model.Example;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CombineProperties {
  /** Records drawn from a small pool of texts, with whitespace variants, edits and malformed lines. */
  private static List<String> lines(long seed, int n) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int pick = r.nextInt(Math.max(1, n / 3));
      String answer = TestRecords.prose(pick, 60);
      switch (r.nextInt(5)) {
        case 0 -> answer = answer.replace(" ", "  ");
        case 1 -> answer = answer.replaceFirst(" ", " edited ");
        default -> { }
      }
      if (r.nextInt(12) == 0) {
        out.add("{\"broken\": ");
        continue;
      }
      Example e = TestRecords.example("question " + pick, answer, "sdk", "f" + r.nextInt(5) + ".py");
      out.add(dev.quarry.io.Json.mapper().writeValueAsString(dev.quarry.io.ExampleCodec.toJson(e)));
    }
    return out;
  }

  @Property(tries = 30)
  void inEqualsOutPlusRemovedAndDedupIsIdempotent(@ForAll @IntRange(min = 0, max = 80) int n, @ForAll long seed,
      @ForAll DedupSettings.Mode mode) throws Exception {
    Path dir = Files.createTempDirectory("combine-prop");
    Path in = dir.resolve("in.jsonl");
    Files.write(in, lines(seed, n), StandardCharsets.UTF_8);
    Combiner c = new Combiner(new DedupSettings(mode, 0.8), ProgressListener.NONE).withRejected(dir.resolve("r.jsonl"));

    CombineReport once = c.run(List.of(in), dir.resolve("once.jsonl"));
    CombineReport twice = c.run(List.of(dir.resolve("once.jsonl")), dir.resolve("twice.jsonl"));

    assertThat(once.in()).isEqualTo(n).isEqualTo(once.out() + once.removed());
    assertThat(once.out()).isEqualTo(TestRecords.read(dir.resolve("once.jsonl")).size());
    assertThat(twice.removed()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("twice.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("once.jsonl")));
  }
}
