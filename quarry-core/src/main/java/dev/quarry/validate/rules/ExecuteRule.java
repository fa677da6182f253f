package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.exec.CheckResult;
import dev.quarry.validate.exec.ExecSettings;
import dev.quarry.validate.exec.Executor;
import dev.quarry.validate.exec.ResultCache;
import dev.quarry.validate.exec.Sandbox;
import java.util.stream.Stream;

/**
 * Runs the tests of each answer that holds Python or JavaScript code and a test, in the {@link Sandbox}
 * (opt-in: {@code validate.execute.enabled: true} or {@code quarry validate --execute}). The result goes to
 * {@code meta.execution}; a failed, erroring or timed-out run is a finding (an error by default), a skip (no
 * test, missing dependency, no sandbox) is not. When the sandbox cannot be created nothing runs and every
 * record says why.
 */
public final class ExecuteRule implements Rule {
  /** The rule's id and its key under {@code validate:} and {@code meta}. */
  public static final String ID = "execute";
  /** The meta key of its result. */
  public static final String META = "execution";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public boolean optIn() {
    return true;
  }

  @Override
  public String description() {
    return "the answer's tests pass when run in a sandbox (opt-in: validate.execute.enabled)";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return !ctx.assistantCode(e).isEmpty();
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    Executor ex = ctx.shared("execute.executor", () -> {
      ExecSettings s = ExecSettings.of(ctx.options(ID), ctx.options(TypecheckRule.ID));
      SecretsRule secrets = new SecretsRule();
      return new Executor(Sandbox.probe(s.limits()), s, new ResultCache(ctx.cacheDir() == null ? null
          : ctx.cacheDir().resolve("execute")), text -> secrets.redact(text, ctx));
    });
    CheckResult r = ex.execute(e, ctx.assistantCode(e), ctx.repository());
    ctx.annotate(e, META, r.toJson());
    if (!r.bad()) {
      return Stream.empty();
    }
    return Stream.of(Finding.error(ID, "the answer's tests " + (r.status() == CheckResult.Status.TIMEOUT ? "timed out"
        : r.status() == CheckResult.Status.FAILED ? "fail" : "could not run") + ": " + r.reason()
        + " (fix the example, or see meta.execution.output)", Locations.RECORD));
  }
}
