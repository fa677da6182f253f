package dev.quarry.export.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The format checks of OpenAI's data-preparation guide for chat fine-tuning, applied to one JSONL line:
 * the line is an object with a {@code messages} array (and optionally {@code tools}, {@code
 * parallel_tool_calls}); every message is an object with {@code role} and {@code content} (optionally
 * {@code weight}, {@code name}, and for tool use {@code tool_calls}, {@code tool_call_id}), no unknown keys, a
 * role of {@code system}, {@code user}, {@code assistant} or {@code tool}, and a non-empty string content (an
 * assistant turn with {@code tool_calls} may have none); at least one assistant message. Error codes are the guide's
 * ({@code data_type}, {@code missing_messages_list}, {@code message_missing_key},
 * {@code message_unrecognized_key}, {@code unrecognized_role}, {@code missing_content},
 * {@code example_missing_assistant_message}) plus {@code unrecognized_key} for any other top-level key. Token counts follow the guide's {@code num_tokens_from_messages}: 3 per message, the
 * tokens of every value, and 3 for the reply priming, in cl100k_base ordinary tokens (special-token text such
 * as {@code <|endoftext|>} counts as plain text). Thread-safe.
 */
public final class OpenAiFormatCheck {
  /** The guide's per-example token limit; longer examples are truncated by the fine-tuning service. */
  public static final int TOKEN_LIMIT = 16_385;

  private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
  private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "weight", "name", "tool_calls",
      "tool_call_id");

  /** The top-level keys of the chat fine-tuning format. */
  static final Set<String> KEYS = Set.of("messages", "tools", "parallel_tool_calls");
  private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private OpenAiFormatCheck() {}

  /** The guide's error codes for one line, in check order; empty when the line passes. */
  public static List<String> errors(JsonNode line) {
    List<String> errors = new ArrayList<>();
    if (line == null || !line.isObject()) {
      errors.add("data_type");
      return errors;
    }
    for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
      if (!KEYS.contains(it.next())) {
        errors.add("unrecognized_key");
      }
    }
    JsonNode messages = line.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      errors.add("missing_messages_list");
      return errors;
    }
    boolean assistant = false;
    for (JsonNode m : messages) {
      boolean calls = m.isObject() && m.path("tool_calls").isArray() && !m.get("tool_calls").isEmpty();
      if (!m.isObject() || !m.has("role") || !m.has("content") && !calls) {
        errors.add("message_missing_key");
        continue;
      }
      for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
        if (!MESSAGE_KEYS.contains(it.next())) {
          errors.add("message_unrecognized_key");
        }
      }
      String role = m.get("role").isTextual() ? m.get("role").asText() : "";
      if (!ROLES.contains(role)) {
        errors.add("unrecognized_role");
      }
      JsonNode content = m.get("content");
      if (calls ? content != null && !content.isNull() && !content.isTextual()
          : !content.isTextual() || content.asText().isBlank()) {
        errors.add("missing_content");
      }
      assistant |= role.equals("assistant");
    }
    if (!assistant) {
      errors.add("example_missing_assistant_message");
    }
    return errors;
  }

  /** Tokens of a {@code messages} array as the guide counts them (3 per message, values, 3 for priming). */
  public static int tokens(JsonNode messages) {
    int n = 3;
    for (JsonNode m : messages) {
      n += 3;
      for (Iterator<JsonNode> it = m.elements(); it.hasNext(); ) {
        JsonNode v = it.next();
        if (v.isTextual()) {
          n += CL100K.countTokensOrdinary(v.asText());
        }
      }
      for (JsonNode call : m.path("tool_calls")) {
        n += CL100K.countTokensOrdinary(call.path("function").path("name").asText(""))
            + CL100K.countTokensOrdinary(call.path("function").path("arguments").asText(""));
      }
      if (m.has("name")) {
        n += 1;
      }
    }
    return n;
  }

  /** Collects per-split results during an export and writes {@code format-check.json}. */
  static final class Audit implements JsonlSplitExporter.Audit {
    private final Map<String, SplitResult> splits = new LinkedHashMap<>();

    @Override
    public void line(String split, long line, Example source, ObjectNode written) {
      SplitResult r = splits.computeIfAbsent(split, k -> new SplitResult());
      errors(written).forEach(code -> r.errors.merge(code, 1L, Long::sum));
      int tokens = tokens(written.get("messages"));
      r.add(tokens);
      if (tokens > TOKEN_LIMIT) {
        r.overLimit.addObject().put("line", line).put("id", source.id()).put("tokens", tokens);
      }
      if (source.systemPrompt().isEmpty()) {
        r.noSystem++;
      }
    }

    @Override
    public void finish(Path out) throws IOException {
      ObjectNode report = JsonNodeFactory.instance.objectNode();
      report.put("format", "openai").put("guide", "OpenAI chat fine-tuning data preparation")
          .put("tokenizer", "cl100k_base").put("token_limit", TOKEN_LIMIT);
      long errors = splits.values().stream().mapToLong(s -> s.errors.values().stream().mapToLong(Long::longValue).sum()).sum();
      long over = splits.values().stream().mapToLong(s -> s.overLimit.size()).sum();
      report.put("passed", errors == 0).put("format_errors", errors).put("over_token_limit", over);
      ObjectNode per = report.putObject("splits");
      splits.forEach((name, r) -> per.set(name, r.toJson()));
      AtomicFile.writeString(out.resolve("format-check.json"), Json.pretty().writeValueAsString(report) + "\n");
    }
  }

  private static final class SplitResult {
    final Map<String, Long> errors = new TreeMap<>();
    final ArrayNode overLimit = JsonNodeFactory.instance.arrayNode();
    long noSystem;
    int[] tokens = new int[256];
    int count;
    long total;

    void add(int t) {
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, count * 2);
      }
      tokens[count++] = t;
      total += t;
    }

    ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("examples", count);
      ObjectNode e = o.putObject("errors");
      errors.forEach(e::put);
      o.put("missing_system_message", noSystem);
      int[] sorted = Arrays.copyOf(tokens, count);
      Arrays.sort(sorted);
      ObjectNode t = o.putObject("tokens");
      t.put("total", total).put("min", sorted[0]).put("mean", Math.round((double) total / count))
          .put("p50", percentile(sorted, 50)).put("p90", percentile(sorted, 90)).put("p99", percentile(sorted, 99))
          .put("max", sorted[count - 1]);
      o.set("over_limit", overLimit);
      return o;
    }
  }

  /** Nearest-rank percentile of a sorted, non-empty array. */
  static int percentile(int[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
