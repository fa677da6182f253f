package dev.quarry.eval.score;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code grounding}: the share of the reference's platform names that the answer also uses. */
public final class GroundingScorer implements Scorer {
  private final Grounding grounding;

  /** A scorer over {@code grounding}. */
  public GroundingScorer(Grounding grounding) {
    this.grounding = grounding;
  }

  @Override
  public String id() {
    return "grounding";
  }

  @Override
  public String explanation() {
    return "Share of the platform names (endpoint paths, hooks, tools, functions, classes from the symbol index) "
        + "used by the reference answer that the answer also uses. Not applicable when the reference uses none.";
  }

  @Override
  public Score score(String answer, String reference) {
    if (grounding.index().isEmpty()) {
      return Score.notApplicable(id(), "no symbol index");
    }
    Set<String> ref = grounding.platformNames(reference);
    if (ref.isEmpty()) {
      return Score.notApplicable(id(), "the reference uses no platform name");
    }
    Set<String> used = grounding.platformNames(answer);
    List<String> findings = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>(ref);
    missing.removeAll(used);
    missing.forEach(m -> findings.add("missing: " + m));
    Set<String> matched = new LinkedHashSet<>(ref);
    matched.retainAll(used);
    return Score.of(id(), (double) matched.size() / ref.size(),
        "uses " + matched.size() + " of the reference's " + ref.size() + " platform names"
            + (matched.isEmpty() ? "" : ": " + String.join(", ", matched)), findings);
  }
}
