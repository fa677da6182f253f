package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.stream.Stream;

/**
 * Type annotations in the assistant's code: every Python parameter (but {@code self}/{@code cls}) and return
 * ({@code __init__} may omit it) is annotated, and no TypeScript function, method or named arrow function has a
 * parameter without a type (an implicit {@code any}; callbacks typed by their context are fine). One finding per
 * unannotated function signature element, at its line. A warning by default ({@code validate.require.type_hints});
 * applies to examples whose answer defines functions in Python or TypeScript.
 */
public final class TypeHintsRule implements Rule {
  @Override
  public String id() {
    return "type-hints";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "Python functions are annotated; TypeScript has no implicit any in signatures";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return CodeFacts.of(e, ctx).typedLanguageFunctions() > 0;
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    CodeFacts f = CodeFacts.of(e, ctx);
    return f.untyped().stream().map(s -> Finding.warning(id(), s.what(), CodeFacts.at(e, s.block(), s.line())));
  }
}
