package dev.quarry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleTest {
  private static final Source SRC = new Source("handcrafted", "acme", "training/a.md", new LineRange(1, 9), null, null);

  private static Example of(Message... ms) {
    return Example.of(List.of(ms), "sdk", "python", SRC);
  }

  @Test
  void idIsQPrefixAndSixteenHexDigitsOfSha256OverCanonicalMessages() {
    Example e = of(Message.user("hi"), Message.assistant("hello"));
    // sha256('[{"content":"hi","role":"user"},{"content":"hello","role":"assistant"}]'), first 16 hex digits
    assertThat(ExampleIds.canonicalMessages(e.messages()))
        .isEqualTo("[{\"content\":\"hi\",\"role\":\"user\"},{\"content\":\"hello\",\"role\":\"assistant\"}]");
    assertThat(e.id()).isEqualTo("q-" + dev.quarry.io.Hashing.sha256(ExampleIds.canonicalMessages(e.messages())).substring(0, 16));
    assertThat(e.id()).matches("q-[0-9a-f]{16}");
  }

  @Test
  void idIsStableAcrossRunsForAFixedConversation() {
    // Expected value computed independently: Python json.dumps(sort_keys=True, separators=(",",":"), ensure_ascii=False)
    Example e = of(Message.system("Be terse."), Message.user("Ünïcode \"quotes\"\n\ttab"), Message.assistant("ok"));
    assertThat(e.id()).isEqualTo("q-2a1b9a0e6dbddc98");
  }

  @Test
  void idDependsOnlyOnMessagesNotOnCategoryOrSource() {
    Example a = of(Message.user("q"), Message.assistant("a"));
    Example b = Example.of(a.messages(), "database", "text",
        new Source("openapi", null, "x.yaml", null, null, null));
    assertThat(a.id()).isEqualTo(b.id());
  }

  @Test
  void rejectsSystemMessageThatIsNotFirst() {
    assertThatThrownBy(() -> of(Message.user("q"), Message.system("s"), Message.assistant("a")))
        .isInstanceOf(RecordException.class).hasMessageContaining("messages[1] is system");
  }

  @Test
  void rejectsTwoUserMessagesInARow() {
    assertThatThrownBy(() -> of(Message.user("q"), Message.user("q2"), Message.assistant("a")))
        .isInstanceOf(RecordException.class).hasMessageContaining("messages[1] is user where assistant was expected");
  }

  @Test
  void rejectsConversationEndingWithUser() {
    assertThatThrownBy(() -> of(Message.user("q"), Message.assistant("a"), Message.user("again")))
        .isInstanceOf(RecordException.class).hasMessageContaining("last message is user");
  }

  @Test
  void rejectsConversationStartingWithAssistant() {
    assertThatThrownBy(() -> of(Message.assistant("a")))
        .isInstanceOf(RecordException.class).hasMessageContaining("messages[0] is assistant");
  }

  @Test
  void acceptsMultiTurnWithOneLeadingSystemMessage() {
    Example e = of(Message.system("s"), Message.user("1"), Message.assistant("2"), Message.user("3"),
        Message.assistant("4"));
    assertThat(e.finalAnswer()).isEqualTo("4");
    assertThat(e.systemPrompt()).isEqualTo("s");
  }

  @Test
  void rejectsBlankContent() {
    assertThatThrownBy(() -> Message.user("  \n")).isInstanceOf(RecordException.class).hasMessageContaining("empty");
  }

  @Test
  void rejectsAGivenIdThatDoesNotMatchTheContent() {
    Example e = of(Message.user("q"), Message.assistant("a"));
    assertThatThrownBy(() -> new Example("q-0000000000000000", e.messages(), "sdk", "python", SRC, List.of(), null, null))
        .isInstanceOf(RecordException.class).hasMessageContaining("does not match the content");
  }

  @Test
  void withMessagesRecomputesTheId() {
    Example e = of(Message.user("q"), Message.assistant("a"));
    Example changed = e.withMessages(List.of(Message.user("q"), Message.assistant("b")));
    assertThat(changed.id()).isNotEqualTo(e.id()).isEqualTo(of(Message.user("q"), Message.assistant("b")).id());
  }

  @Test
  void copiesShareTheirMessagesSoTheIdIsHashedOncePerConversation() {
    Example e = of(Message.user("q"), Message.assistant("a"));
    Example copy = e.withCategory("database").withTags(List.of("t")).withMeta(e.metaCopy());
    assertThat(copy.messages()).isSameAs(e.messages());
    assertThat(copy.id()).isEqualTo(e.id());
    assertThat(copy.messages()).isEqualTo(List.of(Message.user("q"), Message.assistant("a")));
    assertThatThrownBy(() -> copy.messages().add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void metaIsCopiedSoCallersCannotChangeARecord() {
    Example e = of(Message.user("q"), Message.assistant("a"));
    var meta = e.metaCopy();
    meta.put("x", 1);
    assertThat(e.meta().has("x")).isFalse();
    assertThat(e.withMeta(meta).meta().get("x").asInt()).isEqualTo(1);
  }

  @Test
  void lineRangeMustBeOneBasedAndOrdered() {
    assertThatThrownBy(() -> new LineRange(0, 3)).isInstanceOf(RecordException.class);
    assertThatThrownBy(() -> new LineRange(5, 3)).isInstanceOf(RecordException.class);
  }
}
