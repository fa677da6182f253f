package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's scenario (issue 15), verb by verb: examples mined from a repository plus a hand-written OpenAI-format
 * file (one of whose records repeats a mined one) are validated, combined and deduplicated, analysed by category,
 * balanced, split and exported, and every stage's counts add up to the next one's input.
 */
class SeedScenarioTest {
  private static final Path DEMO = Path.of("../examples/acme-platform");

  @TempDir
  Path dir;

  @Test
  void minedAndHandWrittenOpenAiExamplesGoThroughEveryStageWithCountsThatAddUp() throws Exception {
    Path repo = demoSlice();
    Path yaml = repo.resolve("quarry.yaml");
    Path mined = dir.resolve("mined.jsonl");
    ok("extract", repo.toString(), "-o", mined.toString(), "-c", yaml.toString(), "-q");
    Path hand = handWritten(mined);
    long minedN = lines(mined).size();
    long handN = lines(hand).size();

    Path accepted = dir.resolve("accepted.jsonl");
    Path rejected = dir.resolve("rejected.jsonl");
    ok("validate", mined.toString(), hand.toString(), "-c", yaml.toString(), "--accepted", accepted.toString(),
        "--rejected", rejected.toString(), "--report", dir.resolve("v.json").toString(), "--fail-on", "never", "-q");
    assertThat(lines(accepted).size() + lines(rejected).size()).isEqualTo(minedN + handN);
    assertThat(lines(accepted)).filteredOn(r -> r.path("meta").has("source_id")).hasSize((int) handN);

    Path combined = dir.resolve("combined.jsonl");
    JsonNode combine = json("combine", accepted.toString(), "-o", combined.toString(), "-c", yaml.toString());
    assertThat(combine.path("in").asLong()).isEqualTo(lines(accepted).size());
    assertThat(combine.path("exact_duplicates").asLong()).as("the hand-written copy of a mined record").isEqualTo(1);
    assertThat(combine.path("out").asLong()).isEqualTo(lines(combined).size())
        .isEqualTo(combine.path("in").asLong() - combine.path("removed").asLong());

    Path dist = dir.resolve("dist.json");
    ok("analyze", combined.toString(), "-c", yaml.toString(), "--report", dist.toString(), "-q");
    long perCategory = 0;
    for (JsonNode c : Json.mapper().readTree(Files.readString(dist)).path("categories")) {
      perCategory += c.path("count").asLong();
    }
    assertThat(perCategory).isEqualTo(lines(combined).size());
    assertThat(lines(combined)).filteredOn(r -> r.path("meta").has("source_id"))
        .allMatch(r -> !r.path("meta").path("category_rule").asText().isEmpty());

    Path balanced = dir.resolve("balanced.jsonl");
    JsonNode balance = json("balance", combined.toString(), "-c", yaml.toString(), "-o", balanced.toString());
    assertThat(balance.path("in").asLong()).isEqualTo(lines(combined).size());
    assertThat(balance.path("out").asLong()).isEqualTo(lines(balanced).size())
        .isEqualTo(balance.path("in").asLong() - balance.path("removed").asLong());

    Path split = dir.resolve("split");
    ok("split", balanced.toString(), "-c", yaml.toString(), "-o", split.toString(), "-q");
    long splitN = 0;
    for (String s : List.of("train", "validation", "test")) {
      splitN += lines(split.resolve(s + ".jsonl")).size();
    }
    assertThat(splitN).isEqualTo(lines(balanced).size());

    Path export = dir.resolve("export");
    ok("export", split.toString(), "-f", "openai", "-o", export.toString(), "-q");
    for (String s : List.of("train", "validation", "test")) {
      // An empty split is not exported.
      Path written = export.resolve("openai").resolve(s + ".jsonl");
      assertThat(Files.exists(written) ? lines(written).size() : 0).as(s)
          .isEqualTo(lines(split.resolve(s + ".jsonl")).size());
    }
    assertThat(Files.readString(export.resolve("openai/format-check.json"))).contains("\"format_errors\" : 0");
  }

  /** The demo's OpenAPI spec and hand-crafted Markdown: a quick repository to mine. */
  private Path demoSlice() throws Exception {
    Path repo = dir.resolve("platform");
    List<Path> files = new ArrayList<>(List.of(DEMO.resolve("quarry.yaml"), DEMO.resolve("backend/openapi.yaml")));
    try (Stream<Path> s = Files.walk(DEMO.resolve("training"))) {
      files.addAll(s.filter(Files::isRegularFile).toList());
    }
    for (Path p : files) {
      Path to = repo.resolve(DEMO.relativize(p).toString());
      Files.createDirectories(to.getParent());
      Files.copy(p, to);
    }
    return repo;
  }

  /** The demo's hand-written OpenAI file, plus a mined record's conversation written by hand a second time. */
  private Path handWritten(Path mined) throws Exception {
    Path hand = Files.copy(DEMO.resolveSibling("handwritten/acme-chat.jsonl"), dir.resolve("hand.jsonl"));
    JsonNode first = lines(mined).get(0);
    List<Object> messages = new ArrayList<>();
    for (JsonNode m : first.path("messages")) {
      messages.add(Map.of("role", m.path("role").asText(), "content", m.path("content").asText()));
    }
    ObjectNode copy = Json.mapper().valueToTree(Map.of("id", "ex-copy", "messages", messages));
    Files.writeString(hand, Json.mapper().writeValueAsString(copy) + "\n", StandardOpenOption.APPEND);
    return hand;
  }

  private static void ok(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
  }

  private static JsonNode json(String... args) throws Exception {
    String[] withJson = Stream.concat(Stream.of(args), Stream.of("--json", "-q")).toArray(String[]::new);
    CliRun r = CliRun.of(withJson);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!l.isBlank()) {
        out.add(Json.mapper().readTree(l));
      }
    }
    return out;
  }
}
