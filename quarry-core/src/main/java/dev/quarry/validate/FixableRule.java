package dev.quarry.validate;

import dev.quarry.model.Example;
import java.util.Optional;

/**
 * A rule that can repair some of its own findings safely for {@code quarry validate --fix}: the repair must
 * not change the meaning of the example (dropping an attribution trailer line, replacing a secret by a
 * placeholder). The stage re-validates every repaired record with every rule, so a repair that breaks
 * something else is still caught.
 */
public interface FixableRule extends Rule {
  /**
   * The repaired conversation, or empty when nothing this rule found can be fixed safely.
   *
   * @param e the example, as checked
   * @param ctx the run's context
   */
  Optional<Repair> repair(Example e, RuleContext ctx);
}
