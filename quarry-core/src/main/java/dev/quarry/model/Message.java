package dev.quarry.model;

import java.util.Objects;

/**
 * One chat turn.
 *
 * @param role who speaks
 * @param content the text; never null, and non-empty (not only whitespace) per SPEC §1
 */
public record Message(Role role, String content) {
  /** @throws RecordException when content is null or blank */
  public Message {
    Objects.requireNonNull(role, "role");
    if (content == null || content.isBlank()) {
      throw new RecordException("content of a " + (role == null ? "" : role.wire()) + " message is empty",
          "every message needs non-empty text");
    }
  }

  /** A system message. */
  public static Message system(String content) {
    return new Message(Role.SYSTEM, content);
  }

  /** A user message. */
  public static Message user(String content) {
    return new Message(Role.USER, content);
  }

  /** An assistant message. */
  public static Message assistant(String content) {
    return new Message(Role.ASSISTANT, content);
  }

  /** This message with other text. */
  public Message withContent(String newContent) {
    return new Message(role, newContent);
  }
}
