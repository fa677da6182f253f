package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return QuarryCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path dataset(String name, int n) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Example e = Example.of(List.of(Message.user("question " + (i % (n - 1))), Message.assistant("answer "
          + (i % (n - 1)))), i % 2 == 0 ? "sdk" : "testing", "python",
          new Source("functions", "repo", "f" + i + ".py", null, "fn" + i, null));
      lines.add(Json.mapper().writeValueAsString(ExampleCodec.toJson(e)));
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  @Test
  void combineWritesTheOutputAndAJsonSummary() throws Exception {
    Path in = dataset("in.jsonl", 21);

    int code = run("combine", in.toString(), "-o", dir.resolve("out.jsonl").toString(), "--dedup", "near",
        "--json", "--report", dir.resolve("r.json").toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"exact_duplicates\" : 1").contains("\"out\" : 20");
    assertThat(Files.readString(dir.resolve("r.json"))).contains("\"stage\" : \"combine\"");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(20);
  }

  @Test
  void combineRejectsAnUnknownDedupModeWithExitCode2() throws Exception {
    Path in = dataset("in.jsonl", 3);

    int code = run("combine", in.toString(), "-o", dir.resolve("out.jsonl").toString(), "--dedup", "fuzzy");

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("quarry: --dedup \"fuzzy\" is not a dedup mode (use none, exact or near)\n");
  }

  @Test
  void combineFailsWithExitCode3OnAMalformedLine() throws Exception {
    Path in = dataset("in.jsonl", 3);
    Files.writeString(in, "oops\n", java.nio.file.StandardOpenOption.APPEND);

    int code = run("combine", in.toString(), "-o", dir.resolve("out.jsonl").toString());

    assertThat(code).isEqualTo(3);
    assertThat(err()).startsWith("quarry: " + in + ":4: not valid JSON")
        .endsWith("(fix the record, or pass --rejected FILE to set malformed lines aside)\n");
  }

  @Test
  void splitAnalyzeAndBalanceRunEndToEnd() throws Exception {
    Path in = dataset("in.jsonl", 40);
    Path split = dir.resolve("split");

    assertThat(run("split", in.toString(), "-o", split.toString(), "--seed", "3", "--decontaminate", "-q")).isZero();
    assertThat(run("analyze", split.resolve("train.jsonl").toString(), split.resolve("validation.jsonl").toString(),
        split.resolve("test.jsonl").toString(), "--report", dir.resolve("d.json").toString(), "--html",
        dir.resolve("d.html").toString(), "-q")).isZero();
    assertThat(run("balance", in.toString(), "-o", dir.resolve("b.jsonl").toString(), "--plan",
        dir.resolve("plan.json").toString(), "-q")).isZero();

    assertThat(Files.readString(dir.resolve("d.json"))).contains("\"splits\"").contains("\"train\"");
    assertThat(Files.readString(dir.resolve("d.html"))).startsWith("<!DOCTYPE html>").contains("<svg")
        .doesNotContain("src=\"http", "href=\"http", "url(http");
    assertThat(Files.readString(dir.resolve("plan.json"))).contains("\"kind\" : \"quarry-deficit-plan\"");
    assertThat(err()).isEmpty();
  }

  @Test
  void splitRejectsSharesThatLeaveNoTrainingData() throws Exception {
    Path in = dataset("in.jsonl", 3);

    int code = run("split", in.toString(), "-o", dir.resolve("s").toString(), "--validation", "0.5", "--test", "0.5");

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("quarry: --validation 0.5 --test 0.5 are invalid (give shares >= 0 whose sum is below 1)\n");
  }

  @Test
  void benchGeneratesACorpusWithItsTruth() throws Exception {
    Path corpus = dir.resolve("c.jsonl");

    assertThat(run("bench", "generate", "300", "-o", corpus.toString(), "--seed", "5")).isZero();

    assertThat(Files.readAllLines(corpus)).hasSize(300);
    assertThat(Files.readAllLines(dir.resolve("c.jsonl.truth.tsv")).get(0)).isEqualTo("# dup_id\tbase_id\tkind\tjaccard");
  }
}
