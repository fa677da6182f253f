package dev.quarry.validate;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import java.util.stream.Stream;

/**
 * One validation check. A rule looks at one example and reports what is wrong with it as {@link Finding}s;
 * it keeps no state between examples (per-run state, such as compiled patterns, lives in
 * {@link RuleContext#shared}), so the same instance may check any number of examples.
 *
 * <p>Contract: {@link #check} never returns null (no finding = an empty stream) and never throws for bad
 * content — a record that a rule cannot understand is a finding, not an exception. Every finding carries
 * this rule's {@link #id()}. The stage, not the rule, applies configured severities, counts, writes rejects
 * and reports, so a rule is only the check itself.
 *
 * <p>Built-in rules are listed in {@link Rules#builtIns()}; plug-ins register through
 * {@link java.util.ServiceLoader} with this interface as the service.
 */
public interface Rule {
  /** Stable kebab-case id: appears in rejections, reports, SARIF and {@code validate.severity.<id>}. */
  String id();

  /** The severity of this rule's findings when the configuration does not override it. */
  Severity defaultSeverity();

  /**
   * Checks one example.
   *
   * @param e the example; never null, structurally valid (SPEC §1 order and non-empty contents)
   * @param ctx the run's configuration and per-example caches (code blocks, syntax trees)
   * @return the findings, in the order they occur in the example; empty when the example passes
   */
  Stream<Finding> check(Example e, RuleContext ctx);

  /**
   * Whether this rule has anything to look at in {@code e}; an example it does not apply to is neither a
   * pass nor a failure in the quality table (e.g. the tests rule on an answer without code).
   */
  default boolean appliesTo(Example e, RuleContext ctx) {
    return true;
  }

  /** One line describing what the rule checks, for {@code --list-rules} and SARIF rule metadata. */
  default String description() {
    return id();
  }

  /**
   * Whether {@code validate.severity.<id>} may change this rule's severity. Zero-tolerance rules return false;
   * a configuration that tries to lower them is a configuration error.
   */
  default boolean severityConfigurable() {
    return true;
  }

  /**
   * Whether this rule runs only when asked ({@code validate.<id>.enabled: true}, or a command-line switch):
   * rules that execute or type-check code are slow and need tools, so they are off unless enabled.
   */
  default boolean optIn() {
    return false;
  }
}
