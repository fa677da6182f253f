package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry synth} over a tiny dataset against a scripted model on 127.0.0.1. */
class SynthCommandTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;

  /** Answers every request with a valid, grounded task and answer, distinct per request. */
  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      requests.incrementAndGet();
      JsonNode req = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
      JsonNode msgs = req.path("messages");
      String tag = Hashing.sha256(msgs.path(msgs.size() - 1).path("content").asText()).substring(0, 8);
      var body = Json.mapper().createObjectNode();
      body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
          .put("role", "assistant").put("content", answer(tag));
      byte[] b = status == 200 ? Json.mapper().writeValueAsBytes(body) : "{\"error\":\"down\"}".getBytes();
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String answer(String tag) {
    String fn = "bounded_page_size_" + tag;
    String response = "Validate first, then clamp, so a bad value fails loudly.\n\n```python\nimport pytest\n\n\n"
        + "def " + fn + "(requested: int, maximum: int = 100) -> int:\n"
        + "    \"\"\"Returns the requested page size, at most maximum.\"\"\"\n"
        + "    if requested < 1:\n        raise ValueError(f\"page size must be at least 1, got {requested}\")\n"
        + "    return min(requested, maximum)\n\n\n"
        + "def test_" + fn + "_caps() -> None:\n    assert " + fn + "(500) == 100\n\n\n"
        + "def test_" + fn + "_rejects_zero() -> None:\n    with pytest.raises(ValueError):\n        " + fn + "(0)\n```";
    return "{\"instruction\": " + TextNode.valueOf("Write a page-size guard for the database listing (" + tag + ").")
        + ", \"response\": " + TextNode.valueOf(response) + "}";
  }

  /**
   * Two mined database examples, a target of 3 and self-align with one sample: 2 instructions, 2 requests. The model
   * is named like a real one: its name in meta.synth.model must not trip the attribution rule.
   */
  private Path setUp(String extraSynth) throws Exception {
    Path mined = dir.resolve("mined.jsonl");
    try (JsonlWriter w = JsonlWriter.open(mined)) {
      for (String name : List.of("count_rows", "drop_index")) {
        w.write(Example.of(List.of(Message.system("You are an expert on the demo platform."),
            Message.user("Write `" + name + "` for the database layer."),
            Message.assistant("It runs one statement.\n\n```python\ndef " + name + "(table: str) -> str:\n"
                + "    \"\"\"Builds the statement.\"\"\"\n    return f\"-- " + name + " {table}\"\n```")),
            "database", "python", new Source("functions", "demo", "app/db/" + name + ".py", null, name, null)));
      }
      w.commit();
    }
    Files.writeString(dir.resolve("quarry.yaml"), "project: demo\ncategories:\n  database: {target: 3}\nsynth:\n"
        + "  endpoint: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n  model: Qwen/Qwen2.5-Coder-7B-Instruct\n"
        + "  strategies: [self-align]\n  samples: 1\n  overshoot: 2\n  retries: 0\n  api_key_env: QUARRY_SYNTH_TEST_UNSET_KEY\n"
        + "  cache: cache\n" + extraSynth);
    return mined;
  }

  private CliRun synth(String... more) {
    String[] base = {"synth", dir.resolve("mined.jsonl").toString(), "-c", dir.resolve("quarry.yaml").toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void dryRunPrintsDeficitsRequestsTokensAndSeedsAndAsksNothing() throws Exception {
    setUp("");
    CliRun r = synth("--dry-run");
    assertThat(r.code()).isZero();
    assertThat(requests.get()).isZero();
    assertThat(r.out()).startsWith("quarry: synth plan for Qwen/Qwen2.5-Coder-7B-Instruct at http://127.0.0.1:")
        .contains("(dry run: nothing was asked)")
        .contains("\n  deficits: database 1\n")
        .contains("\n  requests: 2 generation (1 per instruction); at most ")
        .contains("\n  strategies: self-align 2\n")
        .contains("\n  seeds: 2 mined examples, q-")
        .contains("\n  api key: $QUARRY_SYNTH_TEST_UNSET_KEY is unset: no key is sent");
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void aBuildFolderBringsTheConfigurationItWasBuiltWith() throws Exception {
    Path mined = setUp("");
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("work"));
    Files.copy(mined, out.resolve("work/combined.jsonl"));
    Files.writeString(out.resolve("manifest.json"), "{\"config\": {\"path\": "
        + TextNode.valueOf(dir.resolve("quarry.yaml").toString()) + "}, \"inputs\": {\"repo\": "
        + TextNode.valueOf(dir.toString()) + "}}\n");
    CliRun r = CliRun.of("synth", out.toString(), "--dry-run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\n  deficits: database 1\n");
    assertThat(requests.get()).isZero();
  }

  @Test
  void dryRunJsonListsEverySeedAndTheTokenBound() throws Exception {
    setUp("  max_requests: 1\n");
    CliRun r = synth("--dry-run", "--json");
    assertThat(r.code()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.path("requests").asInt()).isEqualTo(1);
    assertThat(j.path("cut_by_caps").asInt()).isEqualTo(1);
    assertThat(j.path("deficits").path("database").asInt()).isEqualTo(1);
    assertThat(j.path("tokens_at_most").asLong()).isGreaterThan(1024);
    assertThat(j.path("seeds").size()).isEqualTo(1);
    assertThat(j.path("seeds").fieldNames().next()).startsWith("q-");
    // A command-line cap overrides the file's.
    assertThat(Json.mapper().readTree(synth("--dry-run", "--json", "--max-requests", "0").out()).path("requests")
        .asInt()).isEqualTo(2);
  }

  @Test
  void aRunWritesTheMinedThenTheKeptExamplesAndAWarmRerunAsksNothingAndWritesTheSameBytes() throws Exception {
    setUp("");
    Path out = dir.resolve("out.jsonl");
    CliRun r = synth("-o", out.toString(), "--report", dir.resolve("synthesis.json").toString(),
        "--synthetic", dir.resolve("synthetic.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("quarry: synth kept 1 of 2 requested (2 returned; rejected: none; 1 unneeded); "
        + "2 HTTP requests, 0 answers from cache -> " + out);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(Files.readAllLines(dir.resolve("mined.jsonl")).get(0));
    assertThat(lines.get(2)).contains("\"synthetic\"").contains("\"strategy\":\"self-align\"");
    assertThat(Files.readAllLines(dir.resolve("synthetic.jsonl"))).containsExactly(lines.get(2));
    assertThat(Json.mapper().readTree(dir.resolve("synthesis.json").toFile()).path("categories").path("database")
        .path("kept").asInt()).isEqualTo(1);
    byte[] first = Files.readAllBytes(out);
    CliRun again = synth("-o", out.toString());
    assertThat(again.code()).isZero();
    assertThat(requests.get()).isEqualTo(2);
    assertThat(again.err()).contains("0 HTTP requests, 2 answers from cache");
    assertThat(Files.readAllBytes(out)).isEqualTo(first);
  }

  @Test
  void withoutSynthConfiguredTheErrorSaysWhatToAdd() throws Exception {
    setUp("");
    Files.writeString(dir.resolve("plain.yaml"), "project: demo\n");
    CliRun r = CliRun.of("synth", dir.resolve("mined.jsonl").toString(), "-c", dir.resolve("plain.yaml").toString(),
        "--dry-run");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("quarry: synthesis is not configured (" + dir.resolve("plain.yaml")
        + " has no synth: endpoint and model) (add synth: {endpoint: http://localhost:8000/v1, model: NAME} to "
        + "quarry.yaml, or pass --endpoint and --model)\n");
  }

  @Test
  void usageAndInputErrorsHaveTheirExitCodes() throws Exception {
    setUp("");
    assertThat(synth().code()).isEqualTo(2);
    assertThat(synth().err()).isEqualTo("quarry: synth needs -o OUT.jsonl (give -o, or --dry-run to print the plan only)\n");
    assertThat(synth("--dry-run", "--max-requests", "-1").code()).isEqualTo(2);
    CliRun missing = CliRun.of("synth", dir.resolve("nope.jsonl").toString(), "-c", dir.resolve("quarry.yaml").toString(),
        "--dry-run");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).startsWith("quarry: " + dir.resolve("nope.jsonl") + ": no such dataset");
    CliRun folder = CliRun.of("synth", dir.toString(), "-c", dir.resolve("quarry.yaml").toString(), "--dry-run");
    assertThat(folder.code()).isEqualTo(3);
    assertThat(folder.err()).contains("the build folder has no work/combined.jsonl (run quarry build first");
    assertThat(requests.get()).isZero();
  }

  @Test
  void whenEveryRequestFailsTheRunExitsThreeNamingTheEndpoint() throws Exception {
    setUp("");
    status = 500;
    CliRun r = synth("-o", dir.resolve("out.jsonl").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).endsWith("quarry: http://127.0.0.1:" + server.getAddress().getPort()
        + "/v1: every synthesis request failed (check synth.endpoint, synth.model and that the server is running)\n");
  }
}
