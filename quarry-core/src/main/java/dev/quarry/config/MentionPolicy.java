package dev.quarry.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What the validate stage does with a <em>mention</em> of an AI vendor, product or model ({@code import
 * anthropic}, {@code 'gpt-4o'}, "the OpenAI provider"), as opposed to an <em>attribution</em> (a claim that an
 * AI wrote the text), which is always an error. Set with {@code validate.attribution.mentions}.
 */
public enum MentionPolicy {
  /** Every mention rejects the record: the seed's strict policy and the default. */
  REJECT,
  /** Mentions inside code (fenced blocks, inline code, identifiers, paths, model ids) are kept; prose ones reject. */
  ALLOW_IN_CODE,
  /** Mentions never reject; attributions still do. */
  ALLOW;

  /** The configuration spelling: {@code reject}, {@code allow-in-code}, {@code allow}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The policy spelled {@code s} ({@link #wire()}), if any. */
  public static Optional<MentionPolicy> fromWire(String s) {
    for (MentionPolicy p : values()) {
      if (p.wire().equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
