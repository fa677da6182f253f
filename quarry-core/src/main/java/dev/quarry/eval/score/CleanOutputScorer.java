package dev.quarry.eval.score;

import java.util.ArrayList;
import java.util.List;

/** {@code clean}: 1 when no {@link OutputCheck} finds anything, else 0 (and the answer's overall score is 0). */
public final class CleanOutputScorer implements Scorer {
  private final List<OutputCheck> checks;

  /** A scorer over {@code checks}, applied in order. */
  public CleanOutputScorer(List<OutputCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public String id() {
    return "clean";
  }

  @Override
  public String explanation() {
    StringBuilder ids = new StringBuilder();
    checks.forEach(c -> ids.append(ids.length() == 0 ? "" : ", ").append(c.id()));
    return "1 when the answer contains nothing the validation rules forbid in training data (" + ids
        + "), else 0. Zero tolerance: an unclean answer scores 0 overall.";
  }

  @Override
  public Score score(String answer, String reference) {
    List<String> findings = new ArrayList<>();
    for (OutputCheck c : checks) {
      c.findings(answer).forEach(f -> findings.add(c.id() + ": " + f));
    }
    return findings.isEmpty() ? Score.of(id(), 1, "nothing forbidden found")
        : Score.of(id(), 0, findings.size() + " forbidden finding(s)", findings);
  }
}
