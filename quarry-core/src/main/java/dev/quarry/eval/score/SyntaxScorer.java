package dev.quarry.eval.score;

import dev.quarry.eval.symbols.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code syntax}: the share of the answer's checkable code blocks that parse. */
public final class SyntaxScorer implements Scorer {
  private final SyntaxCheck check;

  /** A scorer over {@code check}. */
  public SyntaxScorer(SyntaxCheck check) {
    this.check = check;
  }

  @Override
  public String id() {
    return "syntax";
  }

  @Override
  public String explanation() {
    return "Share of the answer's fenced code blocks, in a language Quarry can parse, that pass validation's "
        + "syntax rule. Not applicable when the answer has no such block.";
  }

  @Override
  public Score score(String answer, String reference) {
    int checked = 0;
    int ok = 0;
    List<String> findings = new ArrayList<>();
    for (CodeBlock b : CodeBlock.of(answer)) {
      if (!check.supports(b.label()) || b.code().isBlank()) {
        continue;
      }
      checked++;
      Optional<String> error = check.check(b.label(), b.code());
      if (error.isEmpty()) {
        ok++;
      } else {
        findings.add("block at line " + b.line() + ": " + error.get());
      }
    }
    if (checked == 0) {
      return Score.notApplicable(id(), "no code block in a parseable language");
    }
    return Score.of(id(), (double) ok / checked, ok + " of " + checked + " code blocks parse", findings);
  }
}
