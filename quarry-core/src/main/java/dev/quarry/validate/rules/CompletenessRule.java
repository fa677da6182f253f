package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.stream.Stream;

/**
 * Complete answers: no placeholder in the assistant's code — a function whose body is only {@code pass},
 * {@code ...} or {@code raise NotImplementedError} (abstract methods, overloads and Protocol members excepted), a
 * "not implemented" throw, or a comment such as {@code TODO}, {@code FIXME}, {@code // implement here},
 * {@code # ... rest of the code}. An error by default: a model trained on it learns to leave work undone. It judges
 * the deliverable: a record mined from a test file or fixture (stubs, fakes and mocks are test doubles there) or
 * from a {@code .pyi} stub file is not checked.
 */
public final class CompletenessRule implements Rule {
  @Override
  public String id() {
    return "completeness";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "no placeholder bodies or elided code in the answer";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    String path = e.source().path();
    boolean doubles = SecretsRule.testFile(path) || (path != null && path.endsWith(".pyi"));
    return !doubles && !ctx.assistantCode(e).isEmpty();
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    if (!appliesTo(e, ctx)) {
      return Stream.empty();
    }
    CodeFacts f = CodeFacts.of(e, ctx);
    return f.placeholders().stream().map(s -> Finding.error(id(), s.what() + " (write the code out in full)",
        CodeFacts.at(e, s.block(), s.line())));
  }
}
