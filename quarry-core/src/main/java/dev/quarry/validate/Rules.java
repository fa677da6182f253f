package dev.quarry.validate;

import dev.quarry.validate.rules.AttributionMentionRule;
import dev.quarry.validate.rules.AttributionRule;
import dev.quarry.validate.rules.CompletenessRule;
import dev.quarry.validate.rules.ErrorHandlingRule;
import dev.quarry.validate.rules.ExecuteRule;
import dev.quarry.validate.rules.PiiRule;
import dev.quarry.validate.rules.SchemaRule;
import dev.quarry.validate.rules.SecretsRule;
import dev.quarry.validate.rules.SelfContainedRule;
import dev.quarry.validate.rules.SyntaxRule;
import dev.quarry.validate.rules.TestsRule;
import dev.quarry.validate.rules.TokensRule;
import dev.quarry.validate.rules.TypeHintsRule;
import dev.quarry.validate.rules.TypecheckRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of validation rules: the built-ins, in a fixed order (cheap structural checks first, then
 * content scans, then code analysis, then length), followed by plug-ins found with {@link ServiceLoader}
 * sorted by id. Reports list rules in this order.
 */
public final class Rules {
  private Rules() {}

  /** New instances of the built-in rules, in their fixed order. */
  public static List<Rule> builtIns() {
    return List.of(
        new SchemaRule(),
        new AttributionRule(),
        new AttributionMentionRule(),
        new SecretsRule(),
        new PiiRule(),
        new SyntaxRule(),
        new CompletenessRule(),
        new TestsRule(),
        new ErrorHandlingRule(),
        new TypeHintsRule(),
        new SelfContainedRule(),
        new TokensRule(),
        new ExecuteRule(),
        new TypecheckRule());
  }

  /**
   * The built-ins followed by the plug-ins on the class path, sorted by id.
   *
   * @throws IllegalStateException when two rules share an id, naming both classes
   */
  public static List<Rule> all() {
    List<Rule> plugins = new ArrayList<>();
    ServiceLoader.load(Rule.class).forEach(plugins::add);
    plugins.sort(Comparator.comparing(Rule::id));
    List<Rule> out = new ArrayList<>(builtIns());
    out.addAll(plugins);
    return checkUnique(out);
  }

  static List<Rule> checkUnique(List<Rule> rules) {
    Map<String, Rule> seen = new TreeMap<>();
    for (Rule r : rules) {
      Rule prev = seen.putIfAbsent(r.id(), r);
      if (prev != null) {
        throw new IllegalStateException("two validation rules have the id \"" + r.id() + "\": "
            + prev.getClass().getName() + " and " + r.getClass().getName()
            + " (rename the plug-in's id or remove one from the class path)");
      }
    }
    return List.copyOf(rules);
  }
}
