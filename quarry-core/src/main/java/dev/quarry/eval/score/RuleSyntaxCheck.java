package dev.quarry.eval.score;

import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.SyntaxRule;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link SyntaxCheck} that asks validation's {@link SyntaxRule}, so "parses" means the same in eval as in
 * validation (tree-sitter, Python as strict as CPython, excerpts of class members accepted). Each block is
 * checked as the only block of a one-turn example; only error findings count. Thread-safe: each thread gets its
 * own {@link RuleContext}.
 */
public final class RuleSyntaxCheck implements SyntaxCheck {
  private static final Pattern MESSAGE_LINE = Pattern.compile("assistant:(\\d+)");
  private static final Source SOURCE = new Source("eval", null, "answer", null, null, null);

  private final Rule rule;
  private final ThreadLocal<RuleContext> context;

  /** The syntax rule with the settings of {@code config}. */
  public RuleSyntaxCheck(QuarryConfig config) {
    this(new SyntaxRule(), config);
  }

  /** Any rule that checks code blocks, with the settings of {@code config}. */
  public RuleSyntaxCheck(Rule rule, QuarryConfig config) {
    this.rule = rule;
    RuleContext base = new RuleContext(config);
    this.context = ThreadLocal.withInitial(base::forAnotherThread);
  }

  @Override
  public boolean supports(String fenceLabel) {
    return !fenceLabel.isBlank() && rule.appliesTo(example(fenceLabel, "x"), context.get());
  }

  @Override
  public Optional<String> check(String fenceLabel, String code) {
    return rule.check(example(fenceLabel, code), context.get()).filter(f -> f.severity() == Severity.ERROR)
        .findFirst().map(RuleSyntaxCheck::describe);
  }

  /** The rule's message without its advice to dataset authors, with the line inside the block. */
  private static String describe(Finding f) {
    String what = f.message().replaceFirst(" \\([^()]*\\)$", "");
    Matcher m = MESSAGE_LINE.matcher(f.location());
    return m.matches() ? what + " at line " + (Integer.parseInt(m.group(1)) - 1) : what;
  }

  private static Example example(String label, String code) {
    String body = code.endsWith("\n") ? code : code + "\n";
    return Example.of(List.of(Message.user("eval"), Message.assistant("```" + label + "\n" + body + "```")), "eval",
        "text", SOURCE);
  }
}
