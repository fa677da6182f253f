package dev.quarry.validate;

/**
 * A rule whose findings are sensitive values (secrets) that must never be written in clear text anywhere:
 * the stage passes every string of a rejected record through {@link #redact} before writing it to the
 * rejects file, so the reason a record was rejected is not leaked by the rejects file itself.
 */
public interface Redactor {
  /**
   * {@code text} with every sensitive value replaced by a placeholder; the same instance when there is none.
   * Thread-safe.
   */
  String redact(String text, RuleContext ctx);
}
