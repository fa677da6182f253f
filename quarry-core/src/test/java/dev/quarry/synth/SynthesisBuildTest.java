package dev.quarry.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ProgressListener;
import dev.quarry.build.BuildPipeline;
import dev.quarry.eval.client.OpenAiTestServer;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry build} of the demo with synthesis against the scripted model server over real HTTP (issue 13). */
class SynthesisBuildTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  @TempDir
  Path tmp;

  private OpenAiTestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OpenAiTestServer().script(new SynthScript());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path config(String extra) throws Exception {
    Path c = tmp.resolve("quarry.yaml");
    Files.writeString(c, Files.readString(DEMO.resolve("quarry.yaml"), StandardCharsets.UTF_8)
        + "synth:\n  endpoint: " + server.endpoint() + "\n  model: scripted\n  concurrency: 4\n  cache: "
        + tmp.resolve("cache") + "\n" + extra, StandardCharsets.UTF_8);
    return c;
  }

  private BuildPipeline.Result build(Path config, String out) throws Exception {
    return new BuildPipeline(ProgressListener.NONE).run(DEMO, config, tmp.resolve(out));
  }

  private static JsonNode json(Path p) throws Exception {
    return Json.mapper().readTree(p.toFile());
  }

  @Test
  void buildWithSynthesisFillsEveryCategoryDeficitWithValidatedGroundedExamples() throws Exception {
    BuildPipeline.Result r = build(config(""), "out");
    Path out = tmp.resolve("out");
    JsonNode synthesis = json(out.resolve("reports/synthesis.json"));
    synthesis.path("categories").fields().forEachRemaining(c ->
        assertThat(c.getValue().path("kept").asLong()).as(c.getKey()).isEqualTo(c.getValue().path("missing").asLong()));
    assertThat(synthesis.path("categories").size()).isEqualTo(6);
    // After synthesis, balance reports no deficit left.
    assertThat(json(out.resolve("reports/balance.json")).path("plan").path("categories")).isEmpty();
    // The manifest counts the stage, between combine and balance.
    List<String> stages = iterate(r.counts().fieldNames());
    assertThat(stages.subList(stages.indexOf("combine"), stages.indexOf("combine") + 3))
        .containsExactly("combine", "synthesize", "balance");
    assertThat(r.counts().path("synthesize").path("kept").asLong()).isEqualTo(54);
    JsonNode rejected = synthesis.path("totals").path("rejected");
    assertThat(rejected.path("grounding").asLong()).isPositive();
    assertThat(rejected.path("validate:syntax").asLong()).isPositive();
    assertThat(rejected.path("refusal").asLong()).isPositive();
    assertThat(rejected.path("truncated").asLong()).isPositive();
    assertThat(rejected.path("malformed-output").asLong()).isPositive();
    assertThat(rejected.path("request-failed").asLong()).isPositive();
    try (Stream<String> lines = Files.lines(out.resolve("work/synthetic-rejected.jsonl"))) {
      assertThat(lines.map(l -> l.contains("\"reason\":\"grounding\"") ? l : "").filter(l -> !l.isEmpty()))
          .allSatisfy(l -> assertThat(l).contains(SynthScript.INVENTED_HOOK));
    }
    keepForMeasurements(out);
    List<Example> kept = read(out.resolve("work/synthetic.jsonl"));
    assertThat(kept).hasSize(54).allSatisfy(e -> {
      assertThat(e.tags()).contains(Synthesizer.TAG);
      assertThat(e.finalAnswer()).doesNotContain(SynthScript.INVENTED_HOOK).doesNotContain("def clamp(top_k: int ->");
      JsonNode s = e.meta().path("synth");
      assertThat(s.path("seed_ids")).hasSize(1);
      assertThat(s.path("model").asText()).isEqualTo("scripted");
      assertThat(s.path("template").asText()).startsWith(s.path("strategy").asText() + "#");
      assertThat(iterate(s.path("checks").elements()).stream().map(JsonNode::asText))
          .contains("validate", "grounding", "near-duplicate", "decontamination");
    });
    // Synthetic examples train only; the held-out splits stay mined references.
    for (String split : List.of("validation", "test")) {
      assertThat(read(out.resolve("dataset/" + split + ".jsonl"))).noneMatch(e -> e.tags().contains(Synthesizer.TAG));
    }
    assertThat(read(out.resolve("dataset/train.jsonl"))).filteredOn(e -> e.tags().contains(Synthesizer.TAG))
        .isNotEmpty();
  }

  @Test
  void warmCacheRebuildAsksNothingAndWritesTheSameBytes() throws Exception {
    Path c = config("");
    build(c, "a");
    int cold = server.requests();
    build(c, "b");
    assertThat(server.requests()).isEqualTo(cold);
    for (String f : List.of("work/synthetic.jsonl", "work/synthetic-rejected.jsonl", "reports/synthesis.json",
        "dataset/train.jsonl", "dataset/validation.jsonl", "dataset/test.jsonl")) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
    }
  }

  @Test
  void aRunCutShortResumesFromTheCacheWithoutRepeatingARequest() throws Exception {
    build(config("  max_requests: 60\n"), "first");
    assertThat(json(tmp.resolve("first/reports/synthesis.json")).path("cut_by_caps").asLong()).isPositive();
    int first = server.requests();
    build(config(""), "second");
    assertThat(server.requests()).isGreaterThan(first);
    // No request answered in the first run is asked again (a scripted 429 is retried, but answered once).
    assertThat(server.answeredTwice()).isZero();
    JsonNode s = json(tmp.resolve("second/reports/synthesis.json"));
    s.path("categories").forEach(c -> assertThat(c.path("kept").asLong()).isEqualTo(c.path("missing").asLong()));
  }

  @Test
  void theJudgeScoresEveryKeptExampleAndRejectsLowScoresWithTheRationale() throws Exception {
    build(config("  judge: true\n  min_judge_score: 3\n"), "out");
    Path out = tmp.resolve("out");
    JsonNode s = json(out.resolve("reports/synthesis.json"));
    assertThat(s.path("judge_requests").asLong()).isPositive();
    assertThat(s.path("totals").path("rejected").path("judge-score").asLong()).isPositive();
    assertThat(read(out.resolve("work/synthetic.jsonl"))).isNotEmpty().allSatisfy(e -> {
      assertThat(e.meta().path("synth").path("judge").path("score").asDouble()).isEqualTo(4.0);
      assertThat(e.meta().path("synth").path("judge").path("rationale").asText()).isEqualTo("correct and typed");
    });
  }

  /** With -Dquarry.synth.keep=DIR, copies the run's reports there (for docs/measurements). */
  private static void keepForMeasurements(Path out) throws Exception {
    String keep = System.getProperty("quarry.synth.keep");
    if (keep != null) {
      Path k = Path.of(keep);
      Files.createDirectories(k);
      for (String f : List.of("reports/synthesis.json", "reports/balance.json", "manifest.json",
          "work/synthetic.jsonl", "work/synthetic-rejected.jsonl")) {
        Files.copy(out.resolve(f), k.resolve(Path.of(f).getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static List<Example> read(Path p) {
    try (Stream<Example> s = JsonlReader.examples(p)) {
      return s.toList();
    }
  }

  private static <T> List<T> iterate(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
