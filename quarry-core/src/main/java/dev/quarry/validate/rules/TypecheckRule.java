package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.exec.CheckResult;
import dev.quarry.validate.exec.ExecSettings;
import dev.quarry.validate.exec.ResultCache;
import dev.quarry.validate.exec.TypeChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Type-checks the answer's TypeScript/TSX ({@code tsc --strict}) or Python (pyflakes, or mypy with
 * {@code validate.typecheck.python: mypy}) against the repository (opt-in: {@code validate.typecheck.enabled:
 * true} or {@code quarry validate --typecheck}; a warning by default). Each problem is a finding naming the
 * answer file and line; the result goes to {@code meta.typecheck}. A checker that is not installed is a skip.
 */
public final class TypecheckRule implements Rule {
  /** The rule's id, its key under {@code validate:} and under {@code meta}. */
  public static final String ID = "typecheck";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public boolean optIn() {
    return true;
  }

  @Override
  public String description() {
    return "the answer's TypeScript and Python type-check (tsc --strict, pyflakes/mypy; opt-in: validate.typecheck.enabled)";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return ctx.assistantCode(e).stream().anyMatch(b -> b.grammar().map(g -> switch (g) {
      case TYPESCRIPT, TSX, PYTHON -> true;
      default -> false;
    }).orElse(false));
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    TypeChecker tc = ctx.shared("typecheck.checker", () -> new TypeChecker(ExecSettings.of(ctx.options(ExecuteRule.ID),
        ctx.options(ID)), new ResultCache(ctx.cacheDir() == null ? null : ctx.cacheDir().resolve("typecheck"))));
    CheckResult r = tc.check(e, ctx.assistantCode(e), ctx.repository());
    ctx.annotate(e, ID, r.toJson());
    if (!r.bad()) {
      return Stream.empty();
    }
    List<Finding> out = new ArrayList<>();
    if (r.status() == CheckResult.Status.FAILED && !r.output().isEmpty()) {
      for (String line : r.output().split("\n")) {
        out.add(Finding.warning(ID, r.command() + ": " + line, Locations.RECORD));
      }
    } else {
      out.add(Finding.warning(ID, r.command() + ": " + r.reason(), Locations.RECORD));
    }
    return out.stream();
  }
}
