package dev.quarry.dataset;

import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds small example records and JSONL files for dataset tests. */
public final class TestRecords {
  private TestRecords() {}

  /** An example with a system prompt, one question and one answer. */
  public static Example example(String question, String answer, String category, String path) {
    return Example.of(List.of(Message.system("You are an expert."), Message.user(question),
        Message.assistant(answer)), category, "python", new Source("functions", "repo", path, null, null, null));
  }

  /** A long, distinctive answer made of {@code words} pseudo-random words seeded by {@code seed}. */
  public static String prose(long seed, int words) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append("w").append(Long.toString(r.nextLong(1 << 20), 36));
    }
    return sb.toString();
  }

  /** Writes examples as JSONL. */
  public static Path write(Path file, List<Example> examples) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Example e : examples) {
      lines.add(Json.mapper().writeValueAsString(ExampleCodec.toJson(e)));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** Reads the valid examples of a JSONL file. */
  public static List<Example> read(Path file) {
    try (Stream<Example> s = dev.quarry.io.JsonlReader.examples(file)) {
      return s.toList();
    }
  }
}
