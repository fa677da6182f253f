package dev.quarry.eval.score;

import java.util.Locale;

/** {@code chrf}: similarity of the answer's code to the reference's, see {@link Chrf}. */
public final class ChrfScorer implements Scorer {
  @Override
  public String id() {
    return "chrf";
  }

  @Override
  public String explanation() {
    return "chrF (character 1- to 6-grams, beta 2) between the code tokens of the answer and of the reference; "
        + "layout and whitespace do not count. Not applicable without a reference.";
  }

  @Override
  public Score score(String answer, String reference) {
    if (reference.isBlank()) {
      return Score.notApplicable(id(), "no reference answer");
    }
    double v = Chrf.score(answer, reference);
    return Score.of(id(), v, String.format(Locale.ROOT, "chrF %.3f against the reference", v));
  }
}
