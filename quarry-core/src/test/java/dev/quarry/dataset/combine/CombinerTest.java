package dev.quarry.dataset.combine;

import static dev.quarry.dataset.TestRecords.example;
import static dev.quarry.dataset.TestRecords.prose;
import static dev.quarry.dataset.TestRecords.read;
import static dev.quarry.dataset.TestRecords.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import dev.quarry.ProgressListener;
import dev.quarry.config.DedupSettings;
import dev.quarry.model.Example;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinerTest {
  @TempDir
  Path dir;

  private static Combiner combiner(DedupSettings.Mode mode) {
    return new Combiner(new DedupSettings(mode, 0.8), ProgressListener.NONE);
  }

  @Test
  void exactDedupRemovesWhitespaceVariantAndRecordsWhatTheSurvivorAbsorbed() throws Exception {
    Example a = example("Write a client", "def f(x):\n    return x\n", "sdk", "a.py");
    Example b = example("Write  a client", "def f(x):\r\n  return x  \r\n\r\n", "sdk", "b.py");
    Example c = example("Something else", "print(1)", "sdk", "c.py");
    Path in1 = write(dir.resolve("one.jsonl"), List.of(a, c));
    Path in2 = write(dir.resolve("two.jsonl"), List.of(b));
    Path out = dir.resolve("out.jsonl");

    CombineReport r = combiner(DedupSettings.Mode.EXACT).run(List.of(in1, in2), out);

    assertThat(r.in()).isEqualTo(3);
    assertThat(r.out()).isEqualTo(2);
    assertThat(r.exactDuplicates()).isEqualTo(1);
    assertThat(r.in()).isEqualTo(r.out() + r.removed());
    List<Example> written = read(out);
    assertThat(written).hasSize(2);
    Example survivor = written.stream().filter(e -> e.category().equals("sdk") && e.finalAnswer().contains("def"))
        .findFirst().orElseThrow();
    JsonNode dup = survivor.meta().get("duplicates").get(0);
    Example absorbed = survivor.id().equals(a.id()) ? b : a;
    assertThat(dup.get("id").asText()).isEqualTo(absorbed.id());
    assertThat(dup.get("match").asText()).isEqualTo("exact");
    assertThat(dup.get("source").asText()).isEqualTo(absorbed.source().fileKey());
  }

  @Test
  void exactDuplicateSurvivorIsTheOneWithFewerWarnings() throws Exception {
    Example plain = example("Q", "answer text", "sdk", "a.py");
    com.fasterxml.jackson.databind.node.ObjectNode meta = plain.metaCopy();
    meta.putArray("findings").addObject().put("rule", "require-tests").put("severity", "warning");
    Example warned = example("Q", "answer  text", "sdk", "b.py").withMeta(meta);
    Path in = write(dir.resolve("in.jsonl"), List.of(warned, plain));

    combiner(DedupSettings.Mode.EXACT).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(read(dir.resolve("out.jsonl"))).extracting(Example::id).containsExactly(plain.id());
  }

  @Test
  void noneModeKeepsEverything() throws Exception {
    Example a = example("Q", "A", "sdk", "a.py");
    Path in = write(dir.resolve("in.jsonl"), List.of(a, a));

    CombineReport r = combiner(DedupSettings.Mode.NONE).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(r.out()).isEqualTo(2);
    assertThat(r.removed()).isZero();
  }

  @Test
  void nearDedupRemovesAnEditedCopyButKeepsUnrelatedRecords() throws Exception {
    String text = prose(1, 300);
    String edited = text.replaceFirst(" w", " changed w");
    Example a = example("Explain the module", text, "sdk", "a.py");
    Example b = example("Explain the module", edited, "sdk", "b.py");
    Example c = example("Explain the module", prose(2, 300), "sdk", "c.py");
    Path in = write(dir.resolve("in.jsonl"), List.of(a, b, c));

    CombineReport r = combiner(DedupSettings.Mode.NEAR).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(r.nearDuplicates()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(2);
    List<Example> out = read(dir.resolve("out.jsonl"));
    assertThat(out).extracting(Example::id).contains(c.id());
    JsonNode dup = out.stream().filter(e -> e.meta().has("duplicates")).findFirst().orElseThrow()
        .meta().get("duplicates").get(0);
    assertThat(dup.get("match").asText()).isEqualTo("near");
    assertThat(dup.get("similarity").asDouble()).isGreaterThan(0.9);
  }

  @Test
  void outputDoesNotDependOnThreadCount() throws Exception {
    List<Example> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      String t = prose(i % 700, 120);
      many.add(example("Q" + (i % 900), i % 3 == 0 ? t + " extra" : t, "sdk", "f" + (i % 50) + ".py"));
    }
    Path in = write(dir.resolve("in.jsonl"), many);
    Combiner c = combiner(DedupSettings.Mode.NEAR);

    c.withThreads(1).run(List.of(in), dir.resolve("one.jsonl"));
    c.withThreads(4).run(List.of(in), dir.resolve("four.jsonl"));

    assertThat(Files.readAllBytes(dir.resolve("four.jsonl"))).isEqualTo(Files.readAllBytes(dir.resolve("one.jsonl")));
  }

  @Test
  void malformedLineIsAnInputErrorNamingFileAndLine() throws Exception {
    Path in = write(dir.resolve("in.jsonl"), List.of(example("Q", "A", "sdk", "a.py")));
    Files.writeString(in, "{not json}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Path out = dir.resolve("out.jsonl");

    assertThatThrownBy(() -> combiner(DedupSettings.Mode.EXACT).run(List.of(in), out))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(in + ":2: not valid JSON")
        .hasMessageEndingWith("(fix the record, or pass --rejected FILE to set malformed lines aside)");
    assertThat(out).doesNotExist();
  }

  @Test
  void malformedLineGoesToTheRejectedFileWhenOneIsGiven() throws Exception {
    Path in = write(dir.resolve("in.jsonl"), List.of(example("Q", "A", "sdk", "a.py")));
    Files.writeString(in, "{not json}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Path rejected = dir.resolve("rejected.jsonl");

    CombineReport r = combiner(DedupSettings.Mode.EXACT).withRejected(rejected)
        .run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(r.malformed()).isEqualTo(1);
    assertThat(r.in()).isEqualTo(2);
    assertThat(r.out()).isEqualTo(1);
    assertThat(Files.readString(rejected)).contains("\"raw\":\"{not json}\"").contains("\"rule\":\"json\"");
  }

  @Test
  void unknownTopLevelFieldsAndProvenanceSurvive() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Example a = example("Q", "A", "sdk", "a.py");
    String line = dev.quarry.io.Json.mapper().writeValueAsString(
        dev.quarry.io.ExampleCodec.toJson(a).put("custom", "kept"));
    Files.writeString(in, line + "\n");

    combiner(DedupSettings.Mode.NEAR).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(line + "\n");
  }

  @Test
  void readsLinesLikeTheKernelReaderBomCrlfAndBlankLines() throws Exception {
    String a = dev.quarry.io.Json.mapper().writeValueAsString(
        dev.quarry.io.ExampleCodec.toJson(example("Q1", "A1", "sdk", "a.py")));
    String b = dev.quarry.io.Json.mapper().writeValueAsString(
        dev.quarry.io.ExampleCodec.toJson(example("Q2", "A2", "sdk", "b.py")));
    Path in = dir.resolve("in.jsonl");
    Files.write(in, ("\uFEFF" + a + "\r\n\r\n   \n" + b + "\r\n[1]\n" + a).getBytes(StandardCharsets.UTF_8));

    CombineReport r = combiner(DedupSettings.Mode.EXACT).withRejected(dir.resolve("rej.jsonl"))
        .run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(r.in()).isEqualTo(4);
    assertThat(r.malformed()).isEqualTo(1);
    assertThat(r.exactDuplicates()).isEqualTo(1);
    List<String> out = Files.readAllLines(dir.resolve("out.jsonl"));
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).contains("in.jsonl:6\",\"match\":\"exact\"");
    assertThat(out.get(1)).isEqualTo(b);
    assertThat(Files.readString(dir.resolve("rej.jsonl"))).contains("\"location\":\"line:5\"");
  }

  @Test
  void truncatedLastLineIsAnInputError() throws Exception {
    Path in = write(dir.resolve("in.jsonl"), List.of(example("Q", "A", "sdk", "a.py")));
    Files.writeString(in, "{\"id\":\"q-", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> combiner(DedupSettings.Mode.EXACT).withRejected(dir.resolve("r.jsonl"))
        .run(List.of(in), dir.resolve("out.jsonl")))
        .isInstanceOf(InputException.class).hasMessageStartingWith(in + ":2: file ends inside a record");
  }

  @Test
  void nonCanonicalInputLinesAreWrittenInCanonicalForm() throws Exception {
    Example a = example("Q", "A", "sdk", "a.py");
    String canonical = dev.quarry.io.Json.mapper().writeValueAsString(dev.quarry.io.ExampleCodec.toJson(a));
    com.fasterxml.jackson.databind.JsonNode tree = dev.quarry.io.Json.mapper().readTree(canonical);
    String spaced = dev.quarry.io.Json.pretty().writeValueAsString(tree).replace("\n", " ");
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, spaced + "\n");

    combiner(DedupSettings.Mode.EXACT).run(List.of(in), dir.resolve("out.jsonl"));

    assertThat(Files.readString(dir.resolve("out.jsonl"))).isEqualTo(canonical + "\n");
  }
}
