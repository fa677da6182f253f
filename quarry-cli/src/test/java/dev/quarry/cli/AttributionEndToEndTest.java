package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attribution markers planted in every field of a record are caught through {@code quarry validate} and
 * {@code quarry build}; mentions follow {@code validate.attribution.mentions}; a repository whose folder name
 * is an AI name still builds; a build whose every record is rejected stops with exit 1, a manifest and the reason.
 */
class AttributionEndToEndTest {
  private static final List<String> NAMES = List.of("Claude", "OpenAI", "ChatGPT", "Anthropic", "DeepSeek");

  @TempDir
  Path dir;

  /** A name disguised with a zero-width space or a Cyrillic lookalike, picked by a seeded RNG. */
  private static String disguised(Random r) {
    String n = NAMES.get(r.nextInt(NAMES.size()));
    int k = 1 + r.nextInt(n.length() - 1);
    return r.nextBoolean() ? n.substring(0, k) + "\u200B" + n.substring(k) : n.replace("a", "\u0430").replace("e", "\u0435");
  }

  /** One record per field, with {@code marker} planted in that field. */
  private static Map<String, ObjectNode> planted(String marker) {
    Map<String, BiFunction<ObjectNode, String, ObjectNode>> where = new TreeMap<>();
    where.put("assistant:2", (o, m) -> message(o, 2, "Done.\n" + m));
    where.put("system:1", (o, m) -> message(o, 0, m));
    where.put("user:1", (o, m) -> message(o, 1, m));
    where.put("tags[1]", (o, m) -> {
      o.withArray("tags").add(m);
      return o;
    });
    where.put("meta.note", (o, m) -> {
      o.with("meta").put("note", m);
      return o;
    });
    where.put("meta.k." + "KEY", (o, m) -> {
      o.with("meta").with("k").put(m, 1);
      return o;
    });
    where.put("source.symbol", (o, m) -> {
      o.with("source").put("symbol", m);
      return o;
    });
    where.put("extra.notes[0]", (o, m) -> {
      o.withArray("notes").add(m);
      return o;
    });
    Map<String, ObjectNode> out = new TreeMap<>();
    where.forEach((loc, f) -> out.put(loc.replace("KEY", marker), f.apply(base(), marker)));
    return out;
  }

  private static ObjectNode base() {
    Example e = Example.of(List.of(Message.system("You are an expert engineer on the Acme platform."),
        Message.user("Write the client."), Message.assistant("```python\nprint(1)\n```")), "api-client", "python",
        new Source("handcrafted", "acme", "docs/x.md", null, "main", null));
    ObjectNode o = ExampleCodec.toJson(e);
    o.withArray("tags").add("generated");
    return o;
  }

  private static ObjectNode message(ObjectNode o, int i, String text) {
    ((ObjectNode) o.withArray("messages").get(i)).put("content", text);
    o.remove("id");
    return o;
  }

  private List<JsonNode> validate(Map<String, ObjectNode> records, String policy) throws IOException {
    Path in = dir.resolve("in-" + policy + ".jsonl");
    StringBuilder sb = new StringBuilder();
    for (ObjectNode o : records.values()) {
      sb.append(Json.mapper().writeValueAsString(o)).append('\n');
    }
    Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
    Path cfg = Files.writeString(dir.resolve("q-" + policy + ".yaml"),
        "validate:\n  attribution:\n    mentions: " + policy + "\n");
    Path rej = dir.resolve("rej-" + policy + ".jsonl");
    CliRun r = CliRun.of("validate", in.toString(), "-c", cfg.toString(), "--rejected", rej.toString(), "--accepted",
        dir.resolve("acc-" + policy + ".jsonl").toString(), "--report", dir.resolve("rep-" + policy + ".json").toString());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(rej)) {
      out.add(Json.mapper().readTree(l));
    }
    return out;
  }

  @Test
  void anAttributionInAnyFieldIsRejectedThroughValidateWhateverThePolicy() throws IOException {
    Random r = new Random(16);
    String marker = "Co-Authored-By: " + disguised(r) + " <noreply@example.org>";
    Map<String, ObjectNode> records = planted(marker);
    for (String policy : List.of("reject", "allow")) {
      List<JsonNode> rejected = validate(records, policy);
      assertThat(rejected).as(policy).hasSize(records.size());
      List<String> locations = new ArrayList<>();
      for (JsonNode n : rejected) {
        for (JsonNode why : n.get("rejection")) {
          if (!why.get("severity").asText().equals("error")) {
            continue;
          }
          assertThat(why.get("rule").asText()).isEqualTo("attribution");
          locations.add(why.get("location").asText());
        }
      }
      assertThat(locations).as(policy).containsExactlyInAnyOrderElementsOf(records.keySet());
    }
  }

  @Test
  void aMentionInAnyFieldFollowsThePolicyAndTheReportCountsIt() throws IOException {
    String marker = disguised(new Random(1603)) + " provider";
    Map<String, ObjectNode> records = planted(marker);
    assertThat(validate(records, "reject")).hasSize(records.size())
        .allSatisfy(n -> assertThat(n.get("rejection").get(0).get("rule").asText()).isEqualTo("attribution-mention"));
    JsonNode report = Json.mapper().readTree(dir.resolve("rep-reject.json").toFile());
    assertThat(report.path("mentions").path("rejected_alone").asLong()).isEqualTo(records.size());
    assertThat(report.path("mentions").path("advice").asText()).contains("validate.attribution.mentions: allow-in-code");
    assertThat(validate(records, "allow")).isEmpty();
    // Prose in messages and meta is still rejected with allow-in-code; keys, tags and source fields are code.
    List<String> prose = new ArrayList<>();
    for (JsonNode n : validate(records, "allow-in-code")) {
      prose.add(n.get("rejection").get(0).get("location").asText());
    }
    assertThat(prose).containsExactlyInAnyOrder("assistant:2", "system:1", "user:1", "meta.note", "extra.notes[0]");
  }

  private Path repo(String name, Map<String, String> files) throws IOException {
    Path root = Files.createDirectories(dir.resolve("repos").resolve(name));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  private static String handcrafted(String tags, String user, String assistant) {
    return "---\ncategory: sdk\nlanguage: python\ntags: [" + tags + "]\n---\n\n## User\n\n" + user
        + "\n\n## Assistant\n\n" + assistant + "\n";
  }

  private static final String CLEAN = handcrafted("sdk", "How do I open a session with the swarm SDK?",
      "Call `open_session` with the pool:\n\n```python\nsession = open_session(pool, timeout=5)\n```");

  @Test
  void aFolderNamedAfterAnAiBuildsAndQuarryWritesNoAiNameItself() throws IOException {
    // The README and package metadata name the vendor too: the derived system prompts must leave it out.
    Path root = repo("openai+swarm", Map.of("training/handcrafted/a.md", CLEAN,
        "training/handcrafted/b.md", handcrafted("sdk", "How do I close a session?",
            "Call `close_session`:\n\n```python\nclose_session(session)\n```"),
        "README.md", "# Swarm\n\nSwarm orchestrates agents on OpenAI models.\n",
        "package.json", "{\"description\": \"Agents for the OpenAI API.\", \"dependencies\": {\"openai\": \"^4\"}}"));
    Path out = dir.resolve("out-swarm");
    CliRun r = CliRun.of("build", root.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.err()).contains("names an AI product, so records call the project \"swarm\"");
    String train = Files.readString(out.resolve("dataset/train.jsonl"));
    assertThat(train).contains("\"repo\":\"swarm\"").doesNotContainIgnoringCase("openai");
  }

  @Test
  void aBuildKeepsCodeMentionsUnderAllowInCodeAndStillRejectsPlantedAttributions() throws IOException {
    Random rnd = new Random(42);
    Map<String, String> files = new TreeMap<>();
    files.put("training/handcrafted/clean.md", CLEAN);
    files.put("training/handcrafted/code-mention.md", handcrafted("sdk", "How do I call the model?",
        "```python\nfrom openai import OpenAI\n\nclient = OpenAI()\nclient.responses.create(model=\"gpt-4o\", input=\"hi\")\n```"));
    files.put("training/handcrafted/prose-mention.md", handcrafted("sdk", "Which vendor is used?",
        "The swarm talks to " + disguised(rnd) + " for every step."));
    files.put("training/handcrafted/trailer.md", handcrafted("sdk", "Fix the parser.",
        "Fixed.\n\nCo\u2011Authored\u2011By\uFF1A " + disguised(rnd) + " <noreply@example.org>"));
    files.put("training/handcrafted/tag.md", handcrafted("sdk, written-by-" + disguised(rnd).toLowerCase(),
        "How do I close a session?", "Call `close_session(session)`."));
    files.put("training/handcrafted/credit.md", handcrafted("sdk", "Write the helper.",
        "```python\ndef helper():  # suggested by " + disguised(rnd) + "\n    return 1\n```"));
    Path root = repo("mixed", files);
    Map<String, Map<String, Integer>> byPolicy = new TreeMap<>();
    for (String policy : List.of("reject", "allow-in-code")) {
      Path cfg = Files.writeString(dir.resolve("build-" + policy + ".yaml"),
          "validate:\n  attribution:\n    mentions: " + policy + "\n");
      Path out = dir.resolve("out-" + policy);
      CliRun r = CliRun.of("build", root.toString(), "-c", cfg.toString(), "-o", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      Map<String, Integer> rules = new TreeMap<>();
      for (String l : Files.readAllLines(out.resolve("rejected.jsonl"))) {
        JsonNode n = Json.mapper().readTree(l);
        String file = n.path("source").path("path").asText().replaceAll(".*/", "");
        rules.put(file + ":" + n.get("rejection").get(0).get("rule").asText(), 1);
      }
      byPolicy.put(policy, rules);
      if (policy.equals("reject")) {
        assertThat(r.err()).contains("mentions 2 records rejected only for naming an AI product");
      }
    }
    assertThat(byPolicy.get("reject").keySet()).containsExactlyInAnyOrder("code-mention.md:attribution-mention",
        "prose-mention.md:attribution-mention", "trailer.md:attribution", "tag.md:attribution", "credit.md:attribution");
    assertThat(byPolicy.get("allow-in-code").keySet()).containsExactlyInAnyOrder(
        "prose-mention.md:attribution-mention", "trailer.md:attribution", "tag.md:attribution", "credit.md:attribution");
  }

  @Test
  void aBuildWhoseEveryRecordIsRejectedExitsOneWithManifestAndReason() throws IOException {
    Path root = repo("all-bad", Map.of("training/handcrafted/a.md", handcrafted("sdk", "Fix it.",
        "Fixed.\n\nCo-Authored-By: Claude <noreply@anthropic.com>"), "training/handcrafted/b.md",
        handcrafted("sdk", "Fix that.", "Fixed. Generated by an AI assistant.")));
    Path out = dir.resolve("out-bad");
    CliRun r = CliRun.of("build", root.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("all 2 records rejected: attribution 2 — see reports/validation.json");
    assertThat(out.resolve("manifest.json")).exists();
    assertThat(out.resolve("reports/validation.json")).exists();
  }
}
