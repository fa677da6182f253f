package dev.quarry.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ProgressListener;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.OpenAiClient;
import dev.quarry.eval.client.OpenAiTestServer;
import dev.quarry.eval.client.ResponseCache;
import dev.quarry.eval.client.RetryPolicy;
import dev.quarry.eval.client.Sleeper;
import dev.quarry.eval.score.Scoring;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.model.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end over real HTTP against {@link OpenAiTestServer}. */
class EvalRunnerTest {
  private static final Duration TIMEOUT = Duration.ofMillis(250);

  @TempDir
  Path tmp;

  private OpenAiTestServer server;
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final Sleeper recording = waits::add;

  @BeforeEach
  void start() throws Exception {
    server = new OpenAiTestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiClient client(int retries) {
    RetryPolicy p = new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30), 7);
    return new OpenAiClient(server.endpoint(), Optional.of("sk-test"), TIMEOUT, p, recording);
  }

  private EvalResult run(OpenAiClient client, Path cache, List<EvalItem> items, String baseline, int concurrency) {
    EvalRunner r = new EvalRunner(client, Optional.ofNullable(cache).map(ResponseCache::new),
        Scoring.defaults(SymbolIndex.empty()), ProgressListener.NONE);
    return r.run(items, new EvalRunner.Settings("acme-lora", baseline, 0, 256, concurrency));
  }

  private static EvalItem item(String id, String question) {
    return new EvalItem(id, "sdk", "python", List.of(Message.system("sys"), Message.user(question)),
        "```python\nprint('hi')\n```");
  }

  private static List<EvalItem> items(String... questions) {
    List<EvalItem> out = new ArrayList<>();
    for (int i = 0; i < questions.length; i++) {
      out.add(item("q-" + i, questions[i]));
    }
    return out;
  }

  @Test
  void answersEveryPromptOfModelAndBaselineInInputOrderAndSendsTheKey() {
    server.answer("acme-lora", "q1", "```python\nprint('hi')\n```");
    EvalResult r = run(client(0), null, items("q1", "q2", "q3", "q4", "q5"), "base", 4);
    assertThat(r.items()).extracting(i -> i.item().id()).containsExactly("q-0", "q-1", "q-2", "q-3", "q-4");
    assertThat(r.items().get(0).adapter().text()).isEqualTo("```python\nprint('hi')\n```");
    assertThat(r.items().get(0).adapter().scores().overall()).isEqualTo(1.0);
    assertThat(r.items().get(1).adapter().text()).isEqualTo("acme-lora: q2");
    assertThat(r.items().get(1).baseline().text()).isEqualTo("base: q2");
    assertThat(r.httpRequests()).isEqualTo(10);
    assertThat(server.requests()).isEqualTo(10);
    assertThat(server.authorizations()).containsOnly("Bearer sk-test");
    assertThat(r.failures()).isZero();
  }

  @Test
  void retriesA429AfterWaitingAtLeastItsRetryAfter() {
    EvalResult r = run(client(2), null, items("[429] please"), "", 1);
    ChatOutcome o = r.items().get(0).adapter().outcome();
    assertThat(o).isInstanceOf(ChatOutcome.Answered.class);
    assertThat(o.attempts()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void gives5xxUpAfterTheRetriesWithExponentialSeededBackoff() {
    EvalResult r = run(client(3), null, items("[503] down"), "", 1);
    ChatOutcome.Failed f = (ChatOutcome.Failed) r.items().get(0).adapter().outcome();
    assertThat(f.reason()).isEqualTo("HTTP 503: overloaded after 4 attempts");
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0).toMillis()).isBetween(50L, 100L);
    assertThat(waits.get(1).toMillis()).isBetween(100L, 200L);
    assertThat(waits.get(2).toMillis()).isBetween(200L, 400L);
    List<Duration> first = List.copyOf(waits);
    waits.clear();
    run(client(3), null, items("[503] down"), "", 1);
    assertThat(waits).as("same seed, same waits").isEqualTo(first);
  }

  @Test
  void aTimeoutIsRecordedAsAFailureAndTheRunGoesOn() {
    EvalResult r = run(client(1), null, items("fine", "[slow] please", "also fine"), "", 3);
    assertThat(r.items().get(1).adapter().outcome()).isEqualTo(
        new ChatOutcome.Failed("timed out after 250 ms after 2 attempts", 2));
    assertThat(r.items().get(1).adapter().scores().overall()).isZero();
    assertThat(r.items().get(0).adapter().failed()).isFalse();
    assertThat(r.items().get(2).adapter().failed()).isFalse();
    assertThat(r.failures()).isEqualTo(1);
  }

  @Test
  void aMalformedBodyIsRecordedAsAFailureWithoutRetryAndTheRunGoesOn() {
    EvalResult r = run(client(3), null, items("[malformed] x", "[nocontent] y", "z"), "", 2);
    assertThat(((ChatOutcome.Failed) r.items().get(0).adapter().outcome()).reason())
        .startsWith("malformed response: not JSON (");
    assertThat(r.items().get(1).adapter().outcome())
        .isEqualTo(new ChatOutcome.Failed("malformed response: no choices[0].message.content string", 1));
    assertThat(r.items().get(2).adapter().text()).isEqualTo("acme-lora: z");
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void aSecondRunIsServedFromTheCacheWithoutAnyHttpRequest() {
    Path cache = tmp.resolve("cache");
    List<EvalItem> items = items("a", "b", "c");
    EvalResult first = run(client(0), cache, items, "base", 2);
    assertThat(server.requests()).isEqualTo(6);
    OpenAiClient fresh = client(0);
    EvalResult second = run(fresh, cache, items, "base", 2);
    assertThat(server.requests()).isEqualTo(6);
    assertThat(second.httpRequests()).isZero();
    assertThat(second.cacheHits()).isEqualTo(6);
    assertThat(second.items()).extracting(i -> i.adapter().text())
        .isEqualTo(first.items().stream().map(i -> i.adapter().text()).toList());
  }

  @Test
  void aResumedRunAsksOnlyWhatFailedBefore() {
    Path cache = tmp.resolve("cache");
    EvalResult first = run(client(0), cache, items("a", "[slow] b", "c"), "", 3);
    assertThat(first.failures()).isEqualTo(1);
    int before = server.requests();
    EvalResult second = run(client(0), cache, items("a", "[slow] b", "c"), "", 3);
    assertThat(server.requests() - before).isEqualTo(1);
    assertThat(second.cacheHits()).isEqualTo(2);
  }

  @Test
  void anUnauthorisedRequestIsNotRetriedAndSaysWhatToCheck() {
    OpenAiClient c = new OpenAiClient(server.endpoint().replace("/v1", "/nope"), Optional.empty(), TIMEOUT,
        RetryPolicy.defaults(1), recording);
    EvalResult r = run(c, null, items("a"), "", 1);
    assertThat(((ChatOutcome.Failed) r.items().get(0).adapter().outcome()).reason())
        .startsWith("HTTP 404").endsWith("(check --endpoint and that the server serves --model)");
    assertThat(waits).isEmpty();
  }
}
