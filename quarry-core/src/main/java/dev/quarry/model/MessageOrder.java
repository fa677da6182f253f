package dev.quarry.model;

import java.util.List;

/**
 * The message-order rules of SPEC §1: at most one {@code system} message, first; then {@code user} and
 * {@code assistant} alternate, starting with {@code user}; the last message is {@code assistant}.
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
    for (int i = start; i < messages.size(); i++) {
      Role expected = (i - start) % 2 == 0 ? Role.USER : Role.ASSISTANT;
      Role actual = messages.get(i).role();
      if (actual != expected) {
        String why = actual == Role.SYSTEM ? "a system message may only come first"
            : "user and assistant must alternate, starting with user";
        throw new RecordException("messages[" + i + "] is " + actual.wire() + " where " + expected.wire()
            + " was expected", why);
      }
    }
    if (messages.get(messages.size() - 1).role() != Role.ASSISTANT) {
      throw new RecordException("the last message is " + messages.get(messages.size() - 1).role().wire(),
          "end the conversation with an assistant message");
    }
  }
}
