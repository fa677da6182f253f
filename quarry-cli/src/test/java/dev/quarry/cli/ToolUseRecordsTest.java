package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: tool-calling conversations (OpenAI {@code tool_calls}/{@code tool}, legacy {@code function_call},
 * ShareGPT {@code function_call}/{@code observation}, LLaMA-Factory v1 content parts) are imported, validated and
 * exported without losing a call, a result or a tool definition.
 */
class ToolUseRecordsTest {
  @TempDir
  Path dir;

  private static Path fixture(String name) throws Exception {
    return Path.of(ToolUseRecordsTest.class.getResource("/imports/" + name).toURI());
  }

  private static List<JsonNode> records(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<JsonNode> out = new ArrayList<>();
    if (text.stripLeading().startsWith("[")) {
      Json.mapper().readTree(text).forEach(out::add);
      return out;
    }
    for (String l : text.split("\n")) {
      if (!l.isBlank()) {
        out.add(Json.mapper().readTree(l));
      }
    }
    return out;
  }

  private Path imported(String fixture) throws Exception {
    Path ds = Files.createDirectories(dir.resolve(fixture + "-ds"));
    CliRun r = CliRun.of("import", fixture(fixture).toString(), "-o", ds.resolve("train.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    return ds;
  }

  @Test
  void shareGptFunctionCallAndObservationTurnsBecomeToolCallsAndToolResults() throws Exception {
    List<JsonNode> rs = records(imported("tools-sharegpt.json").resolve("train.jsonl"));

    JsonNode ms = rs.get(0).path("messages");
    assertThat(ms.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(ms.get(1).has("content")).isFalse();
    JsonNode call = ms.get(1).path("tool_calls").get(0);
    assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
    assertThat(Json.mapper().readTree(call.path("function").path("arguments").asText()).path("city").asText())
        .isEqualTo("Oslo");
    assertThat(ms.get(2).path("role").asText()).isEqualTo("tool");
    assertThat(ms.get(2).path("tool_call_id").asText()).isEqualTo(call.path("id").asText());
    // The ShareGPT tools column (a JSON string of bare functions) becomes OpenAI's tools array.
    assertThat(rs.get(0).path("tools").get(1).path("type").asText()).isEqualTo("function");
    assertThat(rs.get(0).path("tools").get(1).path("function").path("name").asText()).isEqualTo("convert_units");
    // Two calls in one turn and one observation holding a list: one result per call, in order.
    JsonNode two = rs.get(1).path("messages");
    assertThat(two.get(1).path("tool_calls")).hasSize(2);
    assertThat(two.get(2).path("tool_call_id").asText()).isEqualTo(two.get(1).path("tool_calls").get(0).path("id").asText());
    assertThat(two.get(3).path("tool_call_id").asText()).isEqualTo(two.get(1).path("tool_calls").get(1).path("id").asText());
    assertThat(two.get(3).path("content").asText()).isEqualTo("{\"temp_c\":19}");
  }

  @Test
  void openAiToolCallsLegacyFunctionCallsAndV1PartsAreRead() throws Exception {
    List<JsonNode> rs = records(imported("tools-openai.jsonl").resolve("train.jsonl"));

    JsonNode first = rs.get(0).path("messages");
    assertThat(first.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_a1");
    assertThat(first.get(3).path("tool_call_id").asText()).isEqualTo("call_a1");
    // v1 parts: the reasoning part leads as a think block, the tool_call part is a call; tools given as a string.
    JsonNode v1 = rs.get(1).path("messages").get(1);
    assertThat(v1.path("content").asText()).isEqualTo("<think>\nThe user wants current weather, so get_weather "
        + "fits.\n</think>");
    assertThat(v1.path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Lima\"}");
    assertThat(rs.get(1).path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
    // A legacy function_call and its role-function result pair up by the function's name.
    JsonNode legacy = rs.get(2).path("messages");
    assertThat(legacy.get(2).path("role").asText()).isEqualTo("tool");
    assertThat(legacy.get(2).path("tool_call_id").asText()).isEqualTo(legacy.get(1).path("tool_calls").get(0)
        .path("id").asText());
  }

  @Test
  void exportInTheImportedFormatGivesTheToolCallingOriginalsBack() throws Exception {
    for (String[] c : List.of(new String[] {"tools-sharegpt.json", "sharegpt"}, new String[] {"tools-openai.jsonl",
        "openai"})) {
      Path ds = imported(c[0]);
      Path out = dir.resolve(c[1] + "-out");
      CliRun r = CliRun.of("export", ds.toString(), "-f", c[1], "-o", out.toString(), "-q");
      assertThat(r.code()).as(r.err()).isZero();

      List<JsonNode> originals = records(fixture(c[0]));
      List<JsonNode> written = records(out.resolve(c[1]).resolve("train.jsonl"));
      assertThat(written).hasSize(originals.size());
      for (int i = 0; i < originals.size(); i++) {
        ObjectNode w = written.get(i).deepCopy();
        w.remove("id");
        assertThat(w).as(c[0] + " record " + i).isEqualTo(originals.get(i));
      }
    }
  }

  @Test
  void aMinedToolConversationExportsAsFunctionCallTurnsAndOpenAiToolCallsThatPassTheFormatCheck() throws Exception {
    // Records that were not imported (their meta has no original) are converted, not restored.
    Path ds = Files.createDirectories(dir.resolve("ds"));
    StringBuilder sb = new StringBuilder();
    for (JsonNode r : records(imported("tools-sharegpt.json").resolve("train.jsonl"))) {
      ObjectNode o = r.deepCopy();
      ((ObjectNode) o.path("meta")).removeAll();
      sb.append(Json.compact(o)).append('\n');
    }
    Files.writeString(ds.resolve("train.jsonl"), sb.toString());
    Path out = dir.resolve("out");
    for (String f : List.of("sharegpt", "openai", "alpaca")) {
      CliRun r = CliRun.of("export", ds.toString(), "-f", f, "-o", out.toString(), "-q");
      assertThat(r.code()).as(r.err()).isZero();
    }

    JsonNode share = records(out.resolve("sharegpt").resolve("train.jsonl")).get(1);
    assertThat(share.path("conversations").get(1).path("from").asText()).isEqualTo("function_call");
    assertThat(Json.mapper().readTree(share.path("conversations").get(1).path("value").asText()).get(1).path("arguments")
        .path("city").asText()).isEqualTo("Lima");
    assertThat(share.path("conversations").get(2).path("from").asText()).isEqualTo("observation");
    assertThat(Json.mapper().readTree(share.path("conversations").get(2).path("value").asText())).hasSize(2);
    assertThat(Json.mapper().readTree(share.path("tools").asText()).get(0).path("name").asText())
        .isEqualTo("get_weather");

    JsonNode openai = records(out.resolve("openai").resolve("train.jsonl")).get(0);
    assertThat(openai.path("messages").get(1).path("tool_calls").get(0).path("type").asText()).isEqualTo("function");
    assertThat(openai.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_weather");
    assertThat(Files.readString(out.resolve("openai").resolve("format-check.json"))).contains("\"format_errors\" : 0");

    // Alpaca has no tool turns: the records are listed as skipped, not flattened into answers without the call.
    assertThat(out.resolve("alpaca").resolve("train.jsonl")).doesNotExist();
    JsonNode skipped = Json.mapper().readTree(out.resolve("alpaca").resolve("skipped.json").toFile());
    assertThat(skipped.path("skipped").asInt()).isEqualTo(2);
    assertThat(skipped.path("records").get(0).path("reason").asText()).contains("calls tools");
  }

  @Test
  void aSecretInToolCallArgumentsOrResultsIsRejectedAndNeverWrittenInClear() throws Exception {
    String key = "AKIA" + "QRYDEMO7EXAMPLE2";
    String token = "ghp_" + "1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";
    Path in = dir.resolve("leaky.jsonl");
    Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"Store the key\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"store\","
        + "\"arguments\":\"{\\\"aws_key\\\": \\\"" + key + "\\\"}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"stored\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n"
        + "{\"messages\":[{\"role\":\"user\",\"content\":\"Who am I?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"whoami\","
        + "\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"token " + token + "\"},"
        + "{\"role\":\"assistant\",\"content\":\"You are octocat.\"}]}\n");
    Path report = dir.resolve("r.json");
    CliRun r = CliRun.of("validate", in.toString(), "--accepted", dir.resolve("a.jsonl").toString(), "--rejected",
        dir.resolve("x.jsonl").toString(), "--report", report.toString(), "--fail-on", "never");
    assertThat(r.code()).as(r.err()).isZero();

    List<JsonNode> rejected = records(dir.resolve("x.jsonl"));
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).path("rejection").toString()).contains("secrets").contains("tool_calls[0].arguments");
    assertThat(rejected.get(1).path("rejection").toString()).contains("secrets").contains("tool");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.equals(in)).toList()) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain(key).doesNotContain(token);
      }
    }
    assertThat(r.out() + r.err()).doesNotContain(key).doesNotContain(token);
  }

  @Test
  void aCallOfAnUndeclaredToolOrArgumentsThatAreNotAnObjectAreSchemaErrors() throws Exception {
    Path in = dir.resolve("wrong.jsonl");
    String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}]";
    Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_forecast\",\"arguments\":\"{}\"}}]}]" + tools + "}\n"
        + "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"Oslo\"}}]}]" + tools + "}\n"
        + "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":"
        + "\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}]" + tools + "}\n");
    CliRun r = CliRun.of("validate", in.toString(), "--accepted", dir.resolve("a.jsonl").toString(), "--rejected",
        dir.resolve("x.jsonl").toString(), "--report", dir.resolve("r.json").toString(), "--fail-on", "never");
    assertThat(r.code()).as(r.err()).isZero();

    List<JsonNode> rejected = records(dir.resolve("x.jsonl"));
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).path("rejection").toString()).contains("get_forecast").contains("do not declare");
    assertThat(rejected.get(1).path("rejection").toString()).contains("not a JSON object");
    // The third ends on a correct call of a declared tool: a tool-choice example, accepted.
    assertThat(records(dir.resolve("a.jsonl"))).hasSize(1);
  }

  @Test
  void aToolResultWithoutACallOrACallLeftUnansweredMidConversationIsRejectedWithItsIndex() throws Exception {
    Path in = dir.resolve("order.jsonl");
    Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n"
        + "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        + "\"arguments\":\"{}\"}}]},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n");
    CliRun r = CliRun.of("validate", in.toString(), "--accepted", dir.resolve("a.jsonl").toString(), "--rejected",
        dir.resolve("x.jsonl").toString(), "--report", dir.resolve("r.json").toString(), "--fail-on", "never");
    assertThat(r.code()).as(r.err()).isZero();

    List<JsonNode> rejected = records(dir.resolve("x.jsonl"));
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).path("rejection").toString()).contains("messages[1]").contains("tool");
    assertThat(rejected.get(1).path("rejection").toString()).contains("messages[2]").contains("c1");
  }

  @Test
  void anImagePartIsRefusedNamingTheLineAndThePart() throws Exception {
    CliRun r = CliRun.of("import", fixture("tools-image.jsonl").toString(), "-o", dir.resolve("o.jsonl").toString());

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("tools-image.jsonl:1").contains("content[1]").contains("image_url");
    assertThat(dir.resolve("o.jsonl")).doesNotExist();
  }

  @Test
  void theToolCallIdsAndArgumentsAreInTheContentId() throws Exception {
    List<JsonNode> a = records(imported("tools-openai.jsonl").resolve("train.jsonl"));
    ArrayNode changed = (ArrayNode) Json.mapper().readTree(Files.readString(fixture("tools-openai.jsonl"))
        .lines().findFirst().orElseThrow()).path("messages");
    ((ObjectNode) changed.get(2).path("tool_calls").get(0).path("function")).put("arguments", "{\"value\": 11, \"to\": \"mi\"}");
    Path in = dir.resolve("changed.jsonl");
    Files.writeString(in, "{\"messages\":" + Json.compact(changed) + "}\n");
    CliRun r = CliRun.of("import", in.toString(), "-o", dir.resolve("c.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();

    assertThat(records(dir.resolve("c.jsonl")).get(0).path("id").asText()).isNotEqualTo(a.get(0).path("id").asText());
  }

  @Test
  void llamaFactoryRegistersTheToolsColumnOnlyWhenTheExportDeclaresTools() throws Exception {
    Path tools = dir.resolve("tools-export");
    CliRun r = CliRun.of("train-config", "--trainer", "llamafactory", "--dataset",
        imported("tools-sharegpt.json").toString(), "-o", tools.toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode info = Json.mapper().readTree(tools.resolve("llamafactory/dataset_info.json").toFile());
    JsonNode train = info.path("quarry_train");
    assertThat(train.path("columns").path("tools").asText()).isEqualTo("tools");
    assertThat(train.path("tags").path("function_tag").asText()).isEqualTo("function_call");
    assertThat(train.path("tags").path("observation_tag").asText()).isEqualTo("observation");

    Path plain = dir.resolve("plain-export");
    assertThat(CliRun.of("train-config", "--trainer", "llamafactory", "--dataset",
        imported("sharegpt.jsonl").toString(), "-o", plain.toString(), "-q").code()).isZero();
    JsonNode plainInfo = Json.mapper().readTree(plain.resolve("llamafactory/dataset_info.json").toFile());
    assertThat(plainInfo.path("quarry_train").path("columns").has("tools")).isFalse();
  }
}
