package dev.quarry.eval.score;

import java.util.List;

/** {@code hallucination}: 1 when the answer invents no platform name, 1 / (1 + n) for n invented names. */
public final class HallucinationScorer implements Scorer {
  private final Grounding grounding;

  /** A scorer over {@code grounding}. */
  public HallucinationScorer(Grounding grounding) {
    this.grounding = grounding;
  }

  @Override
  public String id() {
    return "hallucination";
  }

  @Override
  public String explanation() {
    return "1 / (1 + n), where n counts names that look like the platform's but are not in the symbol index and "
        + "are not defined by the answer: unknown hooks (use…), endpoint paths under /v1, /api or a known first "
        + "segment, and called or imported names made mostly of the platform's words.";
  }

  @Override
  public Score score(String answer, String reference) {
    if (grounding.index().isEmpty()) {
      return Score.notApplicable(id(), "no symbol index");
    }
    List<Grounding.Hallucination> h = grounding.hallucinations(answer);
    List<String> findings = h.stream().map(Grounding.Hallucination::toString).toList();
    return Score.of(id(), 1.0 / (1 + h.size()),
        h.isEmpty() ? "no invented platform name" : h.size() + " invented platform name(s)", findings);
  }
}
