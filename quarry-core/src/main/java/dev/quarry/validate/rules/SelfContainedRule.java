package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Role;
import dev.quarry.model.Severity;
import dev.quarry.syntax.FreeNames;
import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import dev.quarry.validate.CodeBlock;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The answer's code is self-contained: every name a Python, TypeScript or JavaScript block uses is a built-in,
 * bound in that block (definition, parameter, assignment, import) or in an earlier block of the example —
 * including the definitions a prompt gives as context. One finding per name still unresolved, at its first use.
 * Test-runner globals ({@code describe}, {@code it}, {@code expect} …) count as defined. A warning by default;
 * {@code validate.severity.self-contained: error} rejects such examples.
 */
public final class SelfContainedRule implements Rule {
  @Override
  public String id() {
    return "self-contained";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "every name the answer's code uses is imported, defined, a built-in or given in the prompt";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return ctx.assistantCode(e).stream().anyMatch(SelfContainedRule::analysable);
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    Set<String> bound = new HashSet<>();
    List<Finding> out = new ArrayList<>();
    for (CodeBlock b : ctx.codeBlocks(e)) {
      if (!analysable(b)) {
        continue;
      }
      SourceTree tree = ctx.tree(b);
      FreeNames.Result r = FreeNames.of(tree);
      if (e.messages().get(b.message()).role() == Role.ASSISTANT) {
        for (Map.Entry<String, Integer> n : r.free().entrySet()) {
          String name = n.getKey();
          if (!bound.contains(name) && !FreeNames.isTestGlobal(name)) {
            out.add(Finding.warning(id(), "`" + name + "` is used but neither imported nor defined (add its import "
                + "to the code, or give its definition in the prompt)", CodeFacts.at(e, b, n.getValue())));
            bound.add(name);
          }
        }
      }
      bound.addAll(r.bound());
    }
    return out.stream();
  }

  private static boolean analysable(CodeBlock b) {
    Grammar g = b.grammar().orElse(null);
    return g != null && FreeNames.supports(g);
  }
}
