package dev.quarry.eval.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.UsageException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {
  @Test
  void completesTheEndpointToTheChatCompletionsPath() {
    assertThat(OpenAiClient.completionsUrl("http://localhost:8000").toString())
        .isEqualTo("http://localhost:8000/v1/chat/completions");
    assertThat(OpenAiClient.completionsUrl("http://localhost:11434/v1/").toString())
        .isEqualTo("http://localhost:11434/v1/chat/completions");
    assertThat(OpenAiClient.completionsUrl("https://gw.example/openai/v1/chat/completions").toString())
        .isEqualTo("https://gw.example/openai/v1/chat/completions");
  }

  @Test
  void refusesCredentialsInTheUrlWithoutEchoingThem() {
    assertThatThrownBy(() -> OpenAiClient.completionsUrl("http://me:s3cret@host:8000/v1"))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--endpoint has credentials in it (")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void refusesWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> OpenAiClient.completionsUrl("localhost:8000"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--endpoint \"localhost:8000\" is not an http(s) URL (give the server's base URL, e.g. "
            + "http://localhost:8000/v1)");
  }

  @Test
  void parsesTheAnswerAndItsFinishReason() {
    assertThat(OpenAiClient.parse("{\"choices\":[{\"message\":{\"content\":\"hi\"},\"finish_reason\":\"length\"}]}"))
        .isEqualTo(new ChatOutcome.Answered("hi", "length", 0, false));
    assertThat(OpenAiClient.parse("[]")).isInstanceOf(ChatOutcome.Failed.class);
    assertThat(OpenAiClient.parse("{\"choices\":[{\"message\":{\"content\":null}}]}"))
        .isInstanceOf(ChatOutcome.Failed.class);
  }

  @Test
  void backoffDoublesIsJitteredWithinHalfAndHonoursALongerRetryAfterUpToItsCap() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(400), Duration.ofSeconds(2), Duration.ofSeconds(10), 1);
    SplittableRandom r = p.random("0123456789abcdef0123");
    assertThat(p.delay(1, null, r).toMillis()).isBetween(200L, 400L);
    assertThat(p.delay(2, null, r).toMillis()).isBetween(400L, 800L);
    assertThat(p.delay(5, null, r).toMillis()).isBetween(1000L, 2000L);
    assertThat(p.delay(1, Duration.ofSeconds(3), r)).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.delay(1, Duration.ofSeconds(99), r)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theCacheKeyDependsOnModelMessagesAndParametersOnly() {
    var m = java.util.List.of(dev.quarry.model.Message.user("q"));
    ChatRequest a = new ChatRequest("acme", m, 0, 100);
    assertThat(a.cacheKey()).isEqualTo(new ChatRequest("acme", m, 0, 100).cacheKey()).hasSize(64);
    assertThat(a.cacheKey()).isNotEqualTo(new ChatRequest("base", m, 0, 100).cacheKey())
        .isNotEqualTo(new ChatRequest("acme", m, 0.7, 100).cacheKey())
        .isNotEqualTo(new ChatRequest("acme", m, 0, 200).cacheKey());
  }
}
