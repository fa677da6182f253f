package dev.quarry.eval;

import dev.quarry.config.QuarryConfig;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.SecretsRule;
import java.util.List;

/**
 * Takes every secret the validation secrets rule finds out of what a server sent — answers and error reasons —
 * before anything is scored, cached or reported: each becomes {@code <REDACTED:kind fingerprint>}
 * ({@link SecretsRule#redactShowingFingerprints}), with the {@code validate.secrets.allow} list of the run's
 * configuration. Redacting first means a fresh answer and the same answer read from the cache are scored alike;
 * the {@code redacted-secrets} check then still scores such an answer as unclean. Thread-safe.
 */
public final class AnswerRedactor {
  private final List<String> allow;

  /** A redactor with the allow-list of {@code config}. */
  public AnswerRedactor(QuarryConfig config) {
    this.allow = new RuleContext(config).strings("secrets", "allow");
  }

  /** {@code text} with its secrets replaced by placeholders. */
  public String text(String text) {
    return SecretsRule.redactShowingFingerprints(text, allow);
  }

  /** {@code o} with the secrets of its answer or reason replaced by placeholders. */
  public ChatOutcome outcome(ChatOutcome o) {
    if (o instanceof ChatOutcome.Answered a) {
      String c = text(a.content());
      return c.equals(a.content()) ? a : new ChatOutcome.Answered(c, a.finishReason(), a.attempts(), a.cached());
    }
    ChatOutcome.Failed f = (ChatOutcome.Failed) o;
    String r = text(f.reason());
    return r.equals(f.reason()) ? f : new ChatOutcome.Failed(r, f.attempts());
  }
}
