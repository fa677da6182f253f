package dev.quarry.validate.rules;

/**
 * Error handling in the assistant's code, read from the syntax tree: {@code try}/{@code except}/{@code catch},
 * {@code raise}/{@code throw}, a {@code throws} clause, a {@code .catch(…)} handler, or an HTTP status check
 * ({@code raise_for_status()}, {@code status_code}, {@code response.ok}, {@code res.status}). A warning by default
 * ({@code validate.require.error_handling}); applies to examples whose answer has Python, TypeScript, TSX,
 * JavaScript or Java code.
 */
public final class ErrorHandlingRule extends MissingCodeFactRule {
  /** The rule with its fixed id {@code error-handling}. */
  public ErrorHandlingRule() {
    super("error-handling", "the answer's code handles errors", CodeFacts::errorHandling,
        "the answer's code handles no errors (no try/except or catch, raise or throw, or HTTP status check)");
  }
}
