package dev.quarry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The settings of one extractor ({@code extractors.<id>} in quarry.yaml).
 *
 * @param id extractor id
 * @param enabled whether it runs
 * @param paths globs of files it reads; empty means its own defaults
 * @param exclude globs of files it must skip
 * @param maxExamples budget: at most this many examples, sampled deterministically; 0 means no limit
 * @param category the category for its examples when no category rule matches; null means its default
 * @param options every other key, as given (extractor-specific, e.g. {@code client_language})
 */
public record ExtractorSettings(String id, boolean enabled, List<String> paths, List<String> exclude,
    int maxExamples, String category, ObjectNode options) {
  /** Copies the lists and options. */
  public ExtractorSettings {
    paths = List.copyOf(paths);
    exclude = List.copyOf(exclude);
    options = options == null ? JsonNodeFactory.instance.objectNode() : options.deepCopy();
  }

  /** Settings with nothing configured. */
  public static ExtractorSettings defaults(String id) {
    return new ExtractorSettings(id, true, List.of(), List.of(), 0, null, null);
  }

  /** An extractor-specific option as text. */
  public Optional<String> option(String key) {
    JsonNode n = options.get(key);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  /** An extractor-specific option as a list of strings (a single string is a one-element list). */
  public List<String> optionList(String key) {
    JsonNode n = options.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      java.util.List<String> out = new java.util.ArrayList<>();
      n.forEach(v -> out.add(v.asText()));
      return List.copyOf(out);
    }
    return List.of(n.asText());
  }
}
