package dev.quarry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPEC §1 order rules extended to tool use: calls, one result per call, then the next assistant turn. */
class MessageOrderToolsTest {
  private static Message call(String... ids) {
    return new Message(Role.ASSISTANT, "", java.util.Arrays.stream(ids).map(id -> new ToolCall(id, "f", "{}")).toList(),
        null);
  }

  @Test
  void callsAnsweredInAnyOrderThenAnAnswerAreAValidConversation() {
    MessageOrder.check(List.of(Message.user("q"), call("a", "b"), Message.tool("b", "2"), Message.tool("a", "1"),
        Message.assistant("done")));
  }

  @Test
  void aConversationMayEndOnTheToolCallItTeaches() {
    MessageOrder.check(List.of(Message.system("s"), Message.user("q"), call("a")));
  }

  @Test
  void aResultForACallNotMadeOrMadeTwiceIsRefused() {
    assertThatThrownBy(() -> MessageOrder.check(List.of(Message.user("q"), call("a"), Message.tool("z", "1"),
        Message.assistant("x")))).hasMessageContaining("messages[2] answers tool call z");
    assertThatThrownBy(() -> MessageOrder.check(List.of(Message.user("q"), call("a", "a"))))
        .hasMessageContaining("two tool calls with the id a");
  }

  @Test
  void theNextTurnBeforeEveryResultIsInIsRefused() {
    assertThatThrownBy(() -> MessageOrder.check(List.of(Message.user("q"), call("a", "b"), Message.tool("a", "1"),
        Message.assistant("x")))).hasMessageContaining("messages[3] is assistant where the tool result of b");
    assertThatThrownBy(() -> MessageOrder.check(List.of(Message.user("q"), call("a", "b"), Message.tool("a", "1"))))
        .hasMessageContaining("ends before the result of tool call b");
  }

  @Test
  void aToolResultWithNoCallBeforeItIsRefused() {
    assertThatThrownBy(() -> MessageOrder.check(List.of(Message.user("q"), Message.tool("a", "1"),
        Message.assistant("x")))).hasMessageContaining("messages[1] is tool where assistant was expected");
  }

  @Test
  void toolFieldsOnTheWrongTurnAreRefused() {
    assertThatThrownBy(() -> new Message(Role.USER, "q", List.of(new ToolCall("a", "f", "{}")), null))
        .hasMessageContaining("user message has tool_calls");
    assertThatThrownBy(() -> new Message(Role.TOOL, "1", List.of(), null)).hasMessageContaining("no tool_call_id");
  }

  @Test
  void aTextOnlyConversationHasTheSameIdAsBeforeToolUseExisted() {
    // The canonical JSON of a plain conversation is unchanged: ids of existing datasets stay valid.
    assertThat(ExampleIds.canonicalMessages(List.of(Message.user("q"), Message.assistant("a"))))
        .isEqualTo("[{\"content\":\"q\",\"role\":\"user\"},{\"content\":\"a\",\"role\":\"assistant\"}]");
    assertThat(ExampleIds.canonicalMessages(List.of(Message.user("q"), call("a"))))
        .isEqualTo("[{\"content\":\"q\",\"role\":\"user\"},{\"role\":\"assistant\",\"tool_calls\":[{\"function\":"
            + "{\"arguments\":\"{}\",\"name\":\"f\"},\"id\":\"a\",\"type\":\"function\"}]}]");
  }
}
