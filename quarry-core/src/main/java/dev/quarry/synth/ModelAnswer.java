package dev.quarry.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.io.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one generation answer came to: an instruction and a response, or the stable reason it is unusable
 * ({@code request-failed}, {@code truncated}, {@code refusal}, {@code malformed-output}).
 *
 * @param instruction the new task ("" when unusable)
 * @param response its answer ("" when unusable)
 * @param reason the rejection reason code, or "" when usable
 * @param detail a one-line explanation for the rejects file
 */
record ModelAnswer(String instruction, String response, String reason, String detail) {
  private static final Pattern REFUSAL = Pattern.compile(
      "(?is)^\\W*(i'?m sorry|i am sorry|sorry, (but )?i|i can(no|')t|i cannot|i won'?t|as an ai\\b|i'?m unable|i am unable).*");

  boolean usable() {
    return reason.isEmpty();
  }

  static ModelAnswer rejected(String reason, String detail) {
    return new ModelAnswer("", "", reason, detail);
  }

  /** Reads a generation outcome; the answer must be one JSON object with non-blank instruction and response. */
  static ModelAnswer of(ChatOutcome o) {
    if (o instanceof ChatOutcome.Failed f) {
      return rejected("request-failed", f.reason());
    }
    ChatOutcome.Answered a = (ChatOutcome.Answered) o;
    if ("length".equals(a.finishReason())) {
      return rejected("truncated", "finish_reason length: the answer hit answer_tokens");
    }
    String text = a.content().strip();
    if (REFUSAL.matcher(text).matches()) {
      return rejected("refusal", oneLine(text));
    }
    Optional<JsonNode> n = object(text);
    if (n.isEmpty()) {
      return rejected("malformed-output", "not one JSON object: " + oneLine(text));
    }
    String instruction = n.get().path("instruction").asText("").strip();
    String response = n.get().path("response").asText("").strip();
    if (instruction.isEmpty() || response.isEmpty()) {
      return rejected("malformed-output", "the JSON object lacks a non-empty instruction or response");
    }
    if (REFUSAL.matcher(response).matches()) {
      return rejected("refusal", oneLine(response));
    }
    return new ModelAnswer(instruction, response, "", "");
  }

  /** The JSON object of an answer, tolerating a fence or prose around it. */
  static Optional<JsonNode> object(String text) {
    int from = text.indexOf('{');
    int to = text.lastIndexOf('}');
    if (from < 0 || to <= from) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.mapper().readTree(text.substring(from, to + 1));
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 160 ? t : t.substring(0, 160) + "…";
  }
}
