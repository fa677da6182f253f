package dev.quarry.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import org.junit.jupiter.api.Test;

class ExampleCodecTest {
  @Test
  void unknownTopLevelFieldsArePreservedInOrderAfterTheKnownOnes() throws Exception {
    String in = "{\"zeta\":1,\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}],"
        + "\"category\":\"sdk\",\"alpha\":{\"x\":[1,2]},\"language\":\"text\",\"source\":{\"extractor\":\"e\",\"path\":\"p\"},"
        + "\"meta\":{\"k\":\"v\"}}";
    Example e = ExampleCodec.fromJson(Json.mapper().readTree(in));
    String out = Json.mapper().writeValueAsString(ExampleCodec.toJson(e));
    assertThat(out).isEqualTo("{\"id\":\"" + e.id() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
        + "{\"role\":\"assistant\",\"content\":\"a\"}],\"category\":\"sdk\",\"language\":\"text\",\"source\":{\"extractor\":\"e\","
        + "\"repo\":null,\"path\":\"p\",\"lines\":null,\"symbol\":null,\"commit\":null},\"tags\":[],\"meta\":{\"k\":\"v\"},"
        + "\"zeta\":1,\"alpha\":{\"x\":[1,2]}}");
  }

  @Test
  void writeThenReadGivesAnEqualExample() throws Exception {
    String in = "{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"},"
        + "{\"role\":\"assistant\",\"content\":\"a\"}],\"category\":\"sdk\",\"language\":\"python\",\"source\":{\"extractor\":\"e\","
        + "\"repo\":\"r\",\"path\":\"p\",\"lines\":[3,9],\"symbol\":\"f\",\"commit\":\"c\"},\"tags\":[\"t\"],\"x\":true}";
    Example e = ExampleCodec.fromJson(Json.mapper().readTree(in));
    Example back = ExampleCodec.fromJson(ExampleCodec.toJson(e));
    assertThat(back).isEqualTo(e);
  }

  @Test
  void rejectedJsonIsTheOriginalObjectPlusRejection() throws Exception {
    ObjectNode original = (ObjectNode) Json.mapper().readTree("{\"a\":1}");
    ObjectNode r = ExampleCodec.toRejectedJson(original,
        java.util.List.of(dev.quarry.model.Rejection.error("secrets", "AWS key AKIA…[sha256:ab12]", "assistant:3")));
    assertThat(Json.mapper().writeValueAsString(r)).isEqualTo(
        "{\"a\":1,\"rejection\":[{\"rule\":\"secrets\",\"severity\":\"error\",\"message\":\"AWS key AKIA…[sha256:ab12]\","
            + "\"location\":\"assistant:3\"}]}");
  }
}
