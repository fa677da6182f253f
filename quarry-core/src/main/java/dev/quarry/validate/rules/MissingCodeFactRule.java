package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.CodeBlock;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A warning rule that asks one yes/no question of the answer's analysed code ({@link CodeFacts}) and, when the
 * answer is no, reports one finding at the first line of the first analysed block. Applies to examples whose
 * answer has code in a language {@link CodeFacts} analyses.
 */
abstract class MissingCodeFactRule implements Rule {
  private final String id;
  private final String description;
  private final Predicate<CodeFacts> present;
  private final String missing;

  MissingCodeFactRule(String id, String description, Predicate<CodeFacts> present, String missing) {
    this.id = id;
    this.description = description;
    this.present = present;
    this.missing = missing;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final boolean appliesTo(Example e, RuleContext ctx) {
    return !CodeFacts.of(e, ctx).analysed().isEmpty();
  }

  @Override
  public final Stream<Finding> check(Example e, RuleContext ctx) {
    CodeFacts f = CodeFacts.of(e, ctx);
    if (present.test(f)) {
      return Stream.empty();
    }
    CodeBlock b = f.analysed().get(0);
    return Stream.of(Finding.warning(id, missing, CodeFacts.at(e, b, 1)));
  }
}
