package dev.quarry.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The message-order rules of SPEC §1: at most one {@code system} message, first; then {@code user} and
 * {@code assistant} alternate, starting with {@code user}; the last message is an {@code assistant} answer.
 * Tool use extends the alternation the way OpenAI's chat format does: an assistant turn that calls functions is
 * followed by one {@code tool} message per call (each naming a call of that turn, once, in any order), and then
 * by the next assistant turn. The conversation may end on a tool-calling turn (the example then teaches which
 * call to make), but not between a call and the last of its results.
 */
public final class MessageOrder {
  private MessageOrder() {}

  /**
   * Checks the rules.
   *
   * @throws RecordException naming the first message (0-based index) that breaks a rule
   */
  public static void check(List<Message> messages) {
    if (messages.isEmpty()) {
      throw new RecordException("messages is empty", "give at least a user and an assistant message");
    }
    int start = messages.get(0).role() == Role.SYSTEM ? 1 : 0;
    if (start == messages.size()) {
      throw new RecordException("messages has only a system message", "add a user and an assistant message");
    }
    Role expected = Role.USER;
    Set<String> pending = new LinkedHashSet<>();
    for (int i = start; i < messages.size(); i++) {
      Message m = messages.get(i);
      Role actual = m.role();
      if (!pending.isEmpty()) {
        if (actual != Role.TOOL) {
          throw new RecordException("messages[" + i + "] is " + actual.wire() + " where the tool result of "
              + String.join(", ", pending) + " was expected", "answer every tool call with a tool message");
        }
        if (!pending.remove(m.toolCallId())) {
          throw new RecordException("messages[" + i + "] answers tool call " + m.toolCallId()
              + ", which the assistant turn before it did not make (or which was answered already)",
              "set tool_call_id to the id of one of that turn's tool calls");
        }
        expected = Role.ASSISTANT;
        continue;
      }
      if (actual != expected) {
        String why = actual == Role.SYSTEM ? "a system message may only come first"
            : actual == Role.TOOL ? "a tool message must follow an assistant turn that calls tools"
            : "user and assistant must alternate, starting with user";
        throw new RecordException("messages[" + i + "] is " + actual.wire() + " where " + expected.wire()
            + " was expected", why);
      }
      if (actual == Role.ASSISTANT && m.callsTools()) {
        for (ToolCall c : m.toolCalls()) {
          if (!pending.add(c.id())) {
            throw new RecordException("messages[" + i + "] makes two tool calls with the id " + c.id(),
                "give every tool call of a turn its own id");
          }
        }
        continue;
      }
      expected = actual == Role.USER ? Role.ASSISTANT : Role.USER;
    }
    Message last = messages.get(messages.size() - 1);
    if (!pending.isEmpty() && !last.callsTools()) {
      throw new RecordException("the conversation ends before the result of tool call " + String.join(", ", pending),
          "add the tool messages and the assistant's answer, or drop the unanswered call");
    }
    if (last.role() != Role.ASSISTANT) {
      throw new RecordException("the last message is " + last.role().wire(),
          "end the conversation with an assistant message");
    }
  }
}
