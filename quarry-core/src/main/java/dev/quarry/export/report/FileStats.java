package dev.quarry.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.export.format.OpenAiFormatCheck;
import dev.quarry.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts computed by streaming a JSONL file, used by the report where a report JSON lacks a table: records
 * per category and per extractor, rejections per rule, and a token-length histogram with power-of-two
 * buckets (cl100k_base, counted as in {@link OpenAiFormatCheck#tokens}). Unreadable lines are skipped.
 */
final class FileStats {
  final Map<String, Long> categories = new TreeMap<>();
  final Map<String, Long> extractors = new TreeMap<>();
  final Map<String, Long> rules = new TreeMap<>();
  final long[] tokenBuckets = new long[BUCKETS];
  long records;

  private static final int BUCKETS = 8;
  private static final int FIRST = 256;

  private FileStats() {}

  /** Stats of {@code file}; empty when it is {@code null} or missing. */
  static FileStats of(Path file, boolean tokens) throws IOException {
    FileStats s = new FileStats();
    if (file == null || !Files.isRegularFile(file)) {
      return s;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          s.add(line, tokens);
        }
      }
    }
    return s;
  }

  private void add(String line, boolean tokens) {
    JsonNode n;
    try {
      n = Json.mapper().readTree(line);
    } catch (IOException e) {
      return;
    }
    records++;
    if (n.path("category").isTextual()) {
      categories.merge(n.get("category").asText(), 1L, Long::sum);
    }
    if (n.path("source").path("extractor").isTextual()) {
      extractors.merge(n.path("source").path("extractor").asText(), 1L, Long::sum);
    }
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (JsonNode r : n.path("rejection")) {
      boolean error = !r.has("severity") || r.get("severity").asText().equals("error");
      if (error && r.path("rule").isTextual() && seen.add(r.get("rule").asText())) {
        rules.merge(r.get("rule").asText(), 1L, Long::sum);
      }
    }
    if (tokens && n.path("messages").isArray()) {
      int t = OpenAiFormatCheck.tokens(n.get("messages"));
      int b = 0;
      while (b < BUCKETS - 1 && t >= FIRST << b) {
        b++;
      }
      tokenBuckets[b]++;
    }
  }

  /** The token histogram as label to count, e.g. {@code "<256"}, {@code "256–511"}, …, {@code "≥16384"}. */
  Map<String, Long> tokenHistogram() {
    Map<String, Long> out = new LinkedHashMap<>();
    if (records == 0) {
      return out;
    }
    for (int b = 0; b < BUCKETS; b++) {
      String label = b == 0 ? "<" + FIRST : b == BUCKETS - 1 ? "≥" + (FIRST << (b - 1))
          : (FIRST << (b - 1)) + "–" + ((FIRST << b) - 1);
      out.put(label, tokenBuckets[b]);
    }
    return out;
  }
}
