package dev.quarry.validate.rules;

import dev.quarry.config.MentionPolicy;
import dev.quarry.config.QuarryConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribution rules applied to text Quarry itself puts into records — the project name, the system
 * prompt, prompt templates — before it is used, so that Quarry never introduces an AI name on its own (a
 * repository folder named {@code openai+swarm} must not put "openai" into every system prompt and get every
 * record rejected). Immutable and thread-safe.
 */
public final class AttributionCheck {
  private final AttributionVocabulary vocabulary;
  private final MentionPolicy policy;

  private AttributionCheck(AttributionVocabulary vocabulary, MentionPolicy policy) {
    this.vocabulary = vocabulary;
    this.policy = policy;
  }

  /** A check with the terms, allow-list and mention policy of {@code config}. */
  public static AttributionCheck of(QuarryConfig config) {
    return new AttributionCheck(AttributionVocabulary.of(config.validate()), config.validate().mentions());
  }

  /**
   * What in {@code text} would reject every record it is copied into, as the rules word it ({@code "OpenAI"},
   * {@code credit to an AI}); empty when nothing would. Prose is assumed: the text goes into messages.
   */
  public List<String> rejecting(String text) {
    List<String> out = new ArrayList<>();
    for (AttributionScan.Hit h : AttributionScan.text(text, false, vocabulary)) {
      boolean rejects = h.kind() == AttributionScan.Kind.ATTRIBUTION || policy == MentionPolicy.REJECT
          || (policy == MentionPolicy.ALLOW_IN_CODE && !h.inCode());
      if (rejects) {
        out.add(h.kind() == AttributionScan.Kind.ATTRIBUTION ? h.what() + " (\"" + h.written() + "\")"
            : "\"" + h.written() + "\"");
      }
    }
    return out;
  }

  /**
   * {@code name} with every AI name in it removed and the separators left at its ends trimmed
   * ({@code openai+swarm} gives {@code swarm}); {@code fallback} when nothing is left. A name without an AI
   * name is returned as it is.
   */
  public String neutral(String name, String fallback) {
    String cur = name;
    for (int round = 0; round < 4; round++) {
      List<AttributionScan.Hit> hits = AttributionScan.text(cur, true, vocabulary);
      if (hits.isEmpty()) {
        break;
      }
      StringBuilder sb = new StringBuilder(cur);
      for (int i = hits.size() - 1; i >= 0; i--) {
        AttributionScan.Hit h = hits.get(i);
        sb.delete(h.start(), Math.min(cur.length(), Math.max(h.start() + 1, h.end())));
      }
      cur = sb.toString();
    }
    String trimmed = cur.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("[-_+. ]{2,}", "-");
    return trimmed.isEmpty() || !AttributionScan.text(trimmed, true, vocabulary).isEmpty() ? fallback : trimmed;
  }
}
