package dev.quarry.model;

import java.util.List;
import java.util.Objects;

/**
 * One chat turn. Besides text, an assistant turn may call functions ({@link #toolCalls()}, OpenAI's
 * {@code tool_calls}) and a {@code tool} turn answers one of those calls ({@link #toolCallId()}).
 *
 * @param role who speaks
 * @param content the text; never null; non-empty (not only whitespace) per SPEC §1, except that an assistant
 *     turn that only calls functions has empty text
 * @param toolCalls the functions an assistant turn calls, in order; empty for every other turn
 * @param toolCallId the id of the call a {@code tool} turn answers; null for every other turn
 */
public record Message(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {
  /** @throws RecordException when the text is missing, or tool fields sit on a turn that cannot have them */
  public Message {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
      throw new RecordException("a " + role.wire() + " message has tool_calls", "only assistant turns call tools");
    }
    if (role == Role.TOOL && (toolCallId == null || toolCallId.isBlank())) {
      throw new RecordException("a tool message has no tool_call_id", "name the id of the call it answers");
    }
    if (role != Role.TOOL && toolCallId != null) {
      throw new RecordException("a " + role.wire() + " message has a tool_call_id", "only tool turns answer a call");
    }
    if (content == null && !toolCalls.isEmpty()) {
      content = "";
    }
    if ((content == null || content.isBlank()) && toolCalls.isEmpty()) {
      throw new RecordException("content of a " + role.wire() + " message is empty",
          "every message needs non-empty text");
    }
  }

  /** A turn with text only. */
  public Message(Role role, String content) {
    this(role, content, List.of(), null);
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

  /** The result of the call {@code callId}. */
  public static Message tool(String callId, String content) {
    return new Message(Role.TOOL, content, List.of(), callId);
  }

  /** This message with other text, keeping its tool calls and call id. */
  public Message withContent(String newContent) {
    return new Message(role, newContent, toolCalls, toolCallId);
  }

  /** This message with other tool calls. */
  public Message withToolCalls(List<ToolCall> calls) {
    return new Message(role, content, calls, toolCallId);
  }

  /** True when this assistant turn calls functions. */
  public boolean callsTools() {
    return !toolCalls.isEmpty();
  }
}
