package dev.quarry.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the validate stage ({@code validate:} in quarry.yaml).
 *
 * @param attributionTerms extra forbidden attribution terms, added to the built-in list
 * @param attributionAllow terms or phrases that must not be flagged
 * @param mentions what a mention of an AI product (not an authorship claim) does ({@code validate.attribution.mentions})
 * @param severities per-rule severity overrides: rule id to {@code error|warning|info|off}
 * @param maxTokens longest allowed example, in tokens of {@code tokenizer}
 * @param tokenizer {@code cl100k_base} or {@code o200k_base}
 * @param options every other key under {@code validate:}, per rule (e.g. {@code pii: {allow: […]}})
 */
public record ValidateSettings(List<String> attributionTerms, List<String> attributionAllow,
    MentionPolicy mentions, Map<String, String> severities, int maxTokens, String tokenizer, ObjectNode options) {
  /** Copies every collection; severities sorted by rule id. */
  public ValidateSettings {
    attributionTerms = List.copyOf(attributionTerms);
    attributionAllow = List.copyOf(attributionAllow);
    mentions = mentions == null ? MentionPolicy.REJECT : mentions;
    severities = java.util.Collections.unmodifiableMap(new TreeMap<>(severities));
    options = options == null ? JsonNodeFactory.instance.objectNode() : options.deepCopy();
  }

  /** The defaults: built-in terms only, mentions rejected, 4096 tokens of cl100k_base. */
  public static ValidateSettings defaults() {
    return new ValidateSettings(List.of(), List.of(), MentionPolicy.REJECT, Map.of(), 4096, "cl100k_base", null);
  }
}
