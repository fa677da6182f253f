package dev.quarry.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes content-addressed ids: {@code q-} + the first 16 hex digits of SHA-256 over the canonical JSON
 * of the messages array. Canonical JSON here is RFC 8785 (JCS) for the only shapes messages have: an array
 * of objects whose keys ({@code content}, {@code role}, and for tool use {@code tool_call_id} and
 * {@code tool_calls}: {@code function} ({@code arguments}, {@code name}), {@code id}, {@code type}) are sorted, with no whitespace, and strings
 * escaped minimally ({@code "}, {@code \}, and control characters; everything else literal UTF-8). An assistant
 * turn that only calls tools has no {@code content} key, as OpenAI writes it.
 */
public final class ExampleIds {
  private ExampleIds() {}

  /** The id of a conversation. Same content gives the same id on every machine. */
  public static String of(List<Message> messages) {
    return "q-" + HexFormat.of().formatHex(sha256(canonicalMessages(messages).getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /** The canonical JSON text of a messages array. */
  public static String canonicalMessages(List<Message> messages) {
    StringBuilder sb = new StringBuilder(64 + messages.stream().mapToInt(m -> m.content().length()).sum());
    sb.append('[');
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Message m = messages.get(i);
      boolean content = !(m.callsTools() && m.content().isEmpty());
      sb.append('{');
      if (content) {
        sb.append("\"content\":");
        appendJcsString(sb, m.content());
        sb.append(',');
      }
      sb.append("\"role\":");
      appendJcsString(sb, m.role().wire());
      if (m.toolCallId() != null) {
        sb.append(",\"tool_call_id\":");
        appendJcsString(sb, m.toolCallId());
      }
      if (m.callsTools()) {
        sb.append(",\"tool_calls\":[");
        for (int j = 0; j < m.toolCalls().size(); j++) {
          ToolCall c = m.toolCalls().get(j);
          sb.append(j > 0 ? ",{" : "{").append("\"function\":{\"arguments\":");
          appendJcsString(sb, c.arguments());
          sb.append(",\"name\":");
          appendJcsString(sb, c.name());
          sb.append("},\"id\":");
          appendJcsString(sb, c.id());
          sb.append(",\"type\":\"function\"}");
        }
        sb.append(']');
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** Appends a JSON string literal escaped as RFC 8785 requires. */
  public static void appendJcsString(StringBuilder sb, String s) {
    sb.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      // Append the run of characters that need no escaping in one call: most text has none to escape.
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    sb.append(s, run, s.length());
    sb.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
