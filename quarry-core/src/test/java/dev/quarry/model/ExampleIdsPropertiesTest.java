package dev.quarry.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.io.Json;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;

class ExampleIdsPropertiesTest {
  @Property(tries = 300)
  void canonicalMessagesIsValidJsonThatRoundTripsTheContent(@ForAll @NotBlank String user, @ForAll @NotBlank String answer)
      throws Exception {
    List<Message> ms = List.of(Message.user(user), Message.assistant(answer));
    JsonNode parsed = Json.mapper().readTree(ExampleIds.canonicalMessages(ms));
    assertThat(parsed.get(0).get("content").asText()).isEqualTo(user);
    assertThat(parsed.get(1).get("content").asText()).isEqualTo(answer);
    assertThat(parsed.get(1).get("role").asText()).isEqualTo("assistant");
  }

  @Property(tries = 300)
  void differentAnswersGiveDifferentIds(@ForAll @NotBlank String a, @ForAll @NotBlank String b) {
    if (a.equals(b)) {
      return;
    }
    assertThat(ExampleIds.of(List.of(Message.user("q"), Message.assistant(a))))
        .isNotEqualTo(ExampleIds.of(List.of(Message.user("q"), Message.assistant(b))));
  }
}
