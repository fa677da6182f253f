package dev.quarry.validate;

import dev.quarry.ConfigException;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a run with their effective severity: {@code validate.severity.<id>} (or {@code
 * validate.require.<key>}) overrides a rule's default, {@code off} disables it. A configured severity applies
 * to every finding of that rule.
 */
final class ActiveRules {
  /** A rule and the severity its findings get; empty severity = the rule's own per-finding severities. */
  record Active(Rule rule, Optional<Severity> override) {
    String severityName() {
      return override.orElse(rule.defaultSeverity()).wire();
    }
  }

  private final List<Active> active;
  private final List<Rule> off;

  private ActiveRules(List<Active> active, List<Rule> off) {
    this.active = List.copyOf(active);
    this.off = List.copyOf(off);
  }

  /**
   * Resolves the severities of {@code rules} under {@code config}.
   *
   * @throws ConfigException when a severity names no rule, or tries to lower a zero-tolerance rule
   */
  static ActiveRules of(QuarryConfig config, List<Rule> rules) {
    Map<String, String> sev = config.validate().severities();
    List<String> ids = rules.stream().map(Rule::id).toList();
    for (String key : sev.keySet()) {
      if (!ids.contains(key)) {
        throw new ConfigException(origin(config), 0, "validate.severity." + key + " names no rule",
            "use one of " + String.join(", ", ids));
      }
    }
    List<Active> active = new ArrayList<>();
    List<Rule> off = new ArrayList<>();
    for (Rule r : rules) {
      String s = sev.get(r.id());
      if (s == null) {
        active.add(new Active(r, Optional.empty()));
        continue;
      }
      if (!r.severityConfigurable() && !s.equals(r.defaultSeverity().wire())) {
        throw new ConfigException(origin(config), 0, "validate.severity." + r.id() + " is \"" + s
            + "\" but the " + r.id() + " rule is zero tolerance", "remove the setting; its findings are always "
            + r.defaultSeverity().wire() + "s (use validate." + r.id() + ".allow for false positives)");
      }
      if (s.equals("off")) {
        off.add(r);
      } else {
        active.add(new Active(r, Severity.fromWire(s)));
      }
    }
    return new ActiveRules(active, off);
  }

  private static String origin(QuarryConfig c) {
    return c.origin() == null ? "quarry.yaml" : c.origin();
  }

  List<Active> active() {
    return active;
  }

  List<Rule> off() {
    return off;
  }
}
