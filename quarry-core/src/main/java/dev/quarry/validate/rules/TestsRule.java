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
 * Tests in the assistant's code (Python, TypeScript, TSX, JavaScript, Java), read from the syntax tree: a test
 * function or class ({@code test_*}, {@code Test*}, {@code @Test}, {@code describe}/{@code it}/{@code test}), or an
 * assertion ({@code assert}, {@code expect}, {@code assertEquals}, {@code pytest.raises}). A warning by default
 * ({@code validate.require.tests}); applies to examples whose answer has code in one of those languages.
 */
public final class TestsRule implements Rule {
  @Override
  public String id() {
    return "tests";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "the answer's code includes a test function or assertions";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return !CodeFacts.of(e, ctx).analysed().isEmpty();
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    CodeFacts f = CodeFacts.of(e, ctx);
    if (f.tests()) {
      return Stream.empty();
    }
    CodeBlock b = f.analysed().get(0);
    return Stream.of(Finding.warning(id(), "the answer's code has no test function or assertion (add a test that "
        + "exercises it)", at(e, b, 1)));
  }

  static String at(Example e, CodeBlock b, int codeLine) {
    return Locations.of(e, b.message(), b.messageLine(codeLine));
  }
}
