package dev.quarry.validate.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.validate.RecordStrings;
import dev.quarry.validate.RuleContext;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Redacts secrets from examples as they are extracted, before anything is written: a secret found in source
 * must never reach any output in clear text, not even {@code extracted/*.jsonl}. Every field is redacted
 * ({@link RecordStrings}: messages, {@code source.symbol}, tags, {@code meta}, unknown fields, keys included).
 * Each secret becomes {@code <REDACTED:kind>} and is listed in {@code meta.redacted_secrets} ({@code kind},
 * {@code fingerprint}, {@code location}); {@link SecretsRule} rejects such a record, since its source holds a
 * live credential. Detection is the secrets rule's own, with the same allow-list; an obvious test credential
 * of a test file, which the rule only warns about, is kept. Thread-safe.
 */
public final class ExtractionRedactor implements UnaryOperator<Example> {
  /** The meta field listing what was redacted. */
  public static final String META = "redacted_secrets";

  private final List<String> allow;

  /** A redactor with the allow-list of {@code config} ({@code validate.secrets.allow}). */
  public ExtractionRedactor(QuarryConfig config) {
    this.allow = new RuleContext(config).strings("secrets", "allow");
  }

  @Override
  public Example apply(Example e) {
    boolean test = SecretsRule.testFile(e.source().path());
    ArrayNode found = JsonNodeFactory.instance.arrayNode();
    Example redacted = RecordStrings.map(e, f -> {
      List<SecretScanner.Hit> hits = SecretsRule.errors(SecretScanner.find(f.text(), allow), test);
      for (SecretScanner.Hit h : hits) {
        found.addObject().put("kind", h.kind()).put("fingerprint", h.fingerprint())
            .put("location", SecretsRule.mask(f.at(h.start()), allow));
      }
      return hits.isEmpty() ? f.text() : SecretsRule.replace(f.text(), hits);
    });
    if (found.isEmpty()) {
      return e;
    }
    ObjectNode meta = redacted.metaCopy();
    meta.set(META, found);
    return redacted.withMeta(meta);
  }
}
