package dev.quarry.validate.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.validate.Locations;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Redacts secrets from examples as they are extracted, before anything is written: a secret found in source
 * must never reach any output in clear text, not even {@code extracted/*.jsonl}. Each secret becomes
 * {@code <REDACTED:kind>} and is listed in {@code meta.redacted_secrets} ({@code kind}, {@code fingerprint},
 * {@code location}); {@link SecretsRule} rejects such a record, since its source holds a live credential.
 * Detection is the secrets rule's own, with the same allow-list. Thread-safe.
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
    List<Message> messages = new ArrayList<>(e.messages().size());
    ArrayNode found = null;
    for (int i = 0; i < e.messages().size(); i++) {
      Message m = e.messages().get(i);
      List<SecretsRule.Hit> hits = SecretsRule.find(m.content(), allow);
      if (hits.isEmpty()) {
        messages.add(m);
        continue;
      }
      StringBuilder sb = new StringBuilder(m.content());
      for (int k = hits.size() - 1; k >= 0; k--) {
        SecretsRule.Hit h = hits.get(k);
        sb.replace(h.start(), h.end(), "<REDACTED:" + h.kind() + ">");
      }
      if (found == null) {
        found = e.metaCopy().arrayNode();
      }
      for (SecretsRule.Hit h : hits) {
        found.addObject().put("kind", h.kind()).put("fingerprint", h.fingerprint())
            .put("location", Locations.of(e, i, Locations.lineAt(m.content(), h.start())));
      }
      messages.add(m.withContent(sb.toString()));
    }
    if (found == null) {
      return e;
    }
    ObjectNode meta = e.metaCopy();
    meta.set(META, found);
    return e.withMessages(messages).withMeta(meta);
  }
}
