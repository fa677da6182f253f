package dev.quarry.validate.rules;

import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.List;

/** Runs one rule on tiny inputs. */
final class RuleHarness {
  private final Rule rule;
  private final RuleContext ctx;

  RuleHarness(Rule rule) {
    this(rule, QuarryConfig.defaults());
  }

  RuleHarness(Rule rule, String yaml) {
    this(rule, ConfigLoader.parse("quarry.yaml", yaml));
  }

  RuleHarness(Rule rule, QuarryConfig config) {
    this.rule = rule;
    this.ctx = new RuleContext(config);
  }

  List<Finding> check(Example e) {
    return rule.check(e, ctx).toList();
  }

  /** Findings on a record whose assistant answer is {@code assistant}. */
  List<Finding> answer(String assistant) {
    return check(Records.answer(assistant));
  }

  RuleContext ctx() {
    return ctx;
  }
}
