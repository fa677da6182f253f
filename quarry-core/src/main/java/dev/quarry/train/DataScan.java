package dev.quarry.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quarry.export.format.OpenAiFormatCheck;
import dev.quarry.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one data file of a trainer config, checking every line has the shape its format needs and estimating its
 * token length (cl100k_base, as OpenAI's guide counts chat examples; the base model's own tokenizer differs, so
 * the figure is an estimate).
 *
 * @param records the records read
 * @param overLimit records longer than the limit given to {@link #of}
 * @param longest the longest record's estimated tokens
 * @param badLine the first line that is not a record of the format, 0 when none
 * @param badWhy why that line is not
 */
record DataScan(long records, long overLimit, int longest, long badLine, String badWhy) {
  private static final Set<String> SHAREGPT_FROM = Set.of("system", "human", "gpt", "observation", "function_call");

  static DataScan of(DataFile file, int limit) throws IOException {
    long n = 0;
    long over = 0;
    int longest = 0;
    long lineNo = 0;
    try (BufferedReader r = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode rec;
        try {
          rec = Json.mapper().readTree(line);
        } catch (IOException e) {
          return new DataScan(n, over, longest, lineNo, "not JSON");
        }
        Optional<String> bad = shape(rec, file.format());
        if (bad.isPresent()) {
          return new DataScan(n, over, longest, lineNo, bad.get());
        }
        int tokens = tokens(rec, file.format());
        longest = Math.max(longest, tokens);
        if (tokens > limit) {
          over++;
        }
        n++;
      }
    }
    return new DataScan(n, over, longest, 0, "");
  }

  private static Optional<String> shape(JsonNode rec, String format) {
    switch (format) {
      case "openai" -> {
        return OpenAiFormatCheck.errors(rec).stream().findFirst()
            .map(code -> "not an OpenAI chat record (" + code + "; needs \"messages\": [{role, content}, …])");
      }
      case "sharegpt" -> {
        JsonNode c = rec.path("conversations");
        if (!c.isArray() || c.isEmpty()) {
          return Optional.of("not a ShareGPT record (needs \"conversations\": [{from, value}, …])");
        }
        for (JsonNode m : c) {
          if (!SHAREGPT_FROM.contains(m.path("from").asText()) || !m.path("value").isTextual()) {
            return Optional.of("not a ShareGPT record (a turn needs \"from\" human, gpt or system and a \"value\")");
          }
        }
        return c.get(c.size() - 1).path("from").asText().equals("gpt") ? Optional.empty()
            : Optional.of("ShareGPT record does not end with a gpt turn");
      }
      case "alpaca" -> {
        return rec.path("instruction").isTextual() && rec.path("output").isTextual() ? Optional.empty()
            : Optional.of("not an Alpaca record (needs \"instruction\" and \"output\")");
      }
      default -> {
        return Optional.of("format \"" + format + "\" is not one quarry train reads");
      }
    }
  }

  private static int tokens(JsonNode rec, String format) {
    if (format.equals("openai")) {
      return OpenAiFormatCheck.tokens(rec.path("messages"));
    }
    ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    if (format.equals("sharegpt")) {
      rec.path("conversations").forEach(m -> messages.addObject().put("role", m.path("from").asText())
          .put("content", m.path("value").asText()));
    } else {
      for (String k : new String[] {"system", "instruction", "input", "output"}) {
        if (rec.path(k).isTextual()) {
          messages.addObject().put("role", k).put("content", rec.path(k).asText());
        }
      }
      rec.path("history").forEach(turn -> turn.forEach(t -> messages.addObject().put("role", "history")
          .put("content", t.asText())));
    }
    return OpenAiFormatCheck.tokens(messages);
  }
}
