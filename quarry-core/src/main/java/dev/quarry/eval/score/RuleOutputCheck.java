package dev.quarry.eval.score;

import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.AttributionRule;
import dev.quarry.validate.rules.SecretsRule;
import java.util.List;

/**
 * An {@link OutputCheck} that runs a validation {@link Rule} on the answer, so a model's output is held to
 * exactly the standard its training data was: the answer becomes the assistant message of a one-turn example
 * and every finding of the rule is reported as {@code "<message> at <location>"}. Validation rules never put a
 * secret in clear into a message. Thread-safe: each thread gets its own {@link RuleContext} of the same run.
 *
 * <p>Eval depends on validation here on purpose: the issue asks for "the same rules as validation", and a
 * second copy of the secret detectors would drift.
 */
public final class RuleOutputCheck implements OutputCheck {
  private static final Source SOURCE = new Source("eval", null, "answer", null, null, null);

  private final Rule rule;
  private final ThreadLocal<RuleContext> context;

  /** A check running {@code rule} with the settings of {@code config}. */
  public RuleOutputCheck(Rule rule, QuarryConfig config) {
    this.rule = rule;
    RuleContext base = new RuleContext(config);
    this.context = ThreadLocal.withInitial(base::forAnotherThread);
  }

  /**
   * The validation rules that apply to answers: attribution and secrets, with {@code config}'s settings, and the
   * placeholders of secrets eval redacted from answers before scoring ({@link RedactedSecretsCheck}).
   */
  public static List<OutputCheck> validationRules(QuarryConfig config) {
    return List.of(new RuleOutputCheck(new AttributionRule(), config), new RuleOutputCheck(new SecretsRule(), config),
        new RedactedSecretsCheck());
  }

  @Override
  public String id() {
    return rule.id();
  }

  @Override
  public List<String> findings(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    Example e = Example.of(List.of(Message.user("eval"), Message.assistant(text)), "eval", "text", SOURCE);
    return rule.check(e, context.get()).map(RuleOutputCheck::describe).toList();
  }

  private static String describe(Finding f) {
    return f.message() + " at " + f.location();
  }
}
