package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.CodeBlock;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.stream.Stream;

/**
 * Error handling in the assistant's code, read from the syntax tree: {@code try}/{@code except}/{@code catch},
 * {@code raise}/{@code throw}, a {@code throws} clause, a {@code .catch(…)} handler, or an HTTP status check
 * ({@code raise_for_status()}, {@code status_code}, {@code response.ok}, {@code res.status}). A warning by default
 * ({@code validate.require.error_handling}); applies to examples whose answer has Python, TypeScript, TSX,
 * JavaScript or Java code.
 */
public final class ErrorHandlingRule implements Rule {
  @Override
  public String id() {
    return "error-handling";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "the answer's code handles errors";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return !CodeFacts.of(e, ctx).analysed().isEmpty();
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    CodeFacts f = CodeFacts.of(e, ctx);
    if (f.errorHandling()) {
      return Stream.empty();
    }
    CodeBlock b = f.analysed().get(0);
    return Stream.of(Finding.warning(id(), "the answer's code handles no errors (no try/except or catch, raise or "
        + "throw, or HTTP status check)", at(e, b, 1)));
  }

  static String at(Example e, CodeBlock b, int codeLine) {
    return Locations.of(e, b.message(), b.messageLine(codeLine));
  }
}
