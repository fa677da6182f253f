package dev.quarry.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import org.junit.jupiter.api.Test;

class OpenAiFormatCheckTest {
  private static JsonNode json(String s) throws Exception {
    return Json.mapper().readTree(s);
  }

  @Test
  void acceptsAWellFormedConversation() throws Exception {
    assertThat(OpenAiFormatCheck.errors(json(
        "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"u\"},"
            + "{\"role\":\"assistant\",\"content\":\"a\"}]}"))).isEmpty();
  }

  @Test
  void flagsEachBreachWithTheGuidesErrorCode() throws Exception {
    assertThat(OpenAiFormatCheck.errors(json("[1]"))).containsExactly("data_type");
    assertThat(OpenAiFormatCheck.errors(json("{\"messages\":[]}"))).containsExactly("missing_messages_list");
    assertThat(OpenAiFormatCheck.errors(json(
        "{\"id\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"u\"},{\"role\":\"assistant\",\"content\":\"a\"}]}")))
        .containsExactly("unrecognized_key");
    assertThat(OpenAiFormatCheck.errors(json("{\"messages\":[{\"role\":\"user\"}]}")))
        .containsExactly("message_missing_key", "example_missing_assistant_message");
    assertThat(OpenAiFormatCheck.errors(json(
        "{\"messages\":[{\"role\":\"robot\",\"content\":\"t\",\"extra\":1},{\"role\":\"assistant\",\"content\":\" \"}]}")))
        .containsExactly("message_unrecognized_key", "unrecognized_role", "missing_content");
    assertThat(OpenAiFormatCheck.errors(json("{\"messages\":[{\"role\":\"user\",\"content\":\"u\"}]}")))
        .containsExactly("example_missing_assistant_message");
    // Tool use: an assistant turn that only calls tools needs no content; a tool turn is a known role.
    assertThat(OpenAiFormatCheck.errors(json("{\"messages\":[{\"role\":\"user\",\"content\":\"u\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"1\"},"
        + "{\"role\":\"assistant\",\"content\":\"a\"}]}"))).isEmpty();
    assertThat(OpenAiFormatCheck.errors(json("{\"messages\":[{\"role\":\"user\",\"content\":\"u\"},"
        + "{\"role\":\"assistant\"}]}"))).containsExactly("message_missing_key", "example_missing_assistant_message");
  }

  @Test
  void countsTokensAsTheGuideDoesWithSpecialTokenTextAsPlainText() throws Exception {
    // "hello" is 1 cl100k token and "user"/"assistant" 1 each: 3 + 2 * (3 + 1 + 1) = 13.
    assertThat(OpenAiFormatCheck.tokens(json(
        "[{\"role\":\"user\",\"content\":\"hello\"},{\"role\":\"assistant\",\"content\":\"hello\"}]")))
        .isEqualTo(13);
    assertThat(OpenAiFormatCheck.tokens(json("[{\"role\":\"user\",\"content\":\"<|endoftext|>\"}]")))
        .isGreaterThan(3 + 3 + 1 + 1);
  }

  @Test
  void percentileIsNearestRank() {
    int[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(OpenAiFormatCheck.percentile(sorted, 50)).isEqualTo(5);
    assertThat(OpenAiFormatCheck.percentile(sorted, 99)).isEqualTo(10);
    assertThat(OpenAiFormatCheck.percentile(new int[] {7}, 99)).isEqualTo(7);
  }
}
