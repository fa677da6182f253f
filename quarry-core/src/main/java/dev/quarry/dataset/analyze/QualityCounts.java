package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Counters behind the training-data quality figures of one group of examples (all, or one extractor). A value:
 * combine with {@link #plus}.
 *
 * @param examples examples
 * @param codeAnswers examples whose final answer has a fenced code block
 * @param codeOnly code answers with at most one non-blank line of prose outside the code
 * @param reasoning examples whose answer prose uses a phrase of the reasoning lexicon
 * @param withImports code answers with an import line in their code
 * @param multiTurn examples with more than one user message
 * @param goalFirst examples whose first prompt names no symbol of the dataset
 * @param verbatimMeasured code answers whose verbatim ratio is known ({@code meta.verbatim} or the source span)
 * @param verbatim measured answers whose code is at least 90 % lines copied from the source span
 * @param spanOverlap examples with a line span another extractor also mined (same file, intersecting lines)
 * @param placeholders leftover {@code %s}/{@code %i}/{@code %j} in prompts and {@code "<param>"} values anywhere
 * @param frameworkChecked TypeScript/JavaScript test examples whose prompt names a framework that was checked
 * @param frameworkMislabels of those, prompts saying Jest for a vitest or Playwright file
 */
public record QualityCounts(long examples, long codeAnswers, long codeOnly, long reasoning, long withImports,
    long multiTurn, long goalFirst, long verbatimMeasured, long verbatim, long spanOverlap, long placeholders,
    long frameworkChecked, long frameworkMislabels) {
  /** No examples. */
  public static QualityCounts empty() {
    return new QualityCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** The sum of two groups. */
  public QualityCounts plus(QualityCounts o) {
    return new QualityCounts(examples + o.examples, codeAnswers + o.codeAnswers, codeOnly + o.codeOnly,
        reasoning + o.reasoning, withImports + o.withImports, multiTurn + o.multiTurn, goalFirst + o.goalFirst,
        verbatimMeasured + o.verbatimMeasured, verbatim + o.verbatim, spanOverlap + o.spanOverlap,
        placeholders + o.placeholders, frameworkChecked + o.frameworkChecked,
        frameworkMislabels + o.frameworkMislabels);
  }

  /** Share of code answers that are code only, in [0, 1]. */
  public double codeOnlyShare() {
    return share(codeOnly, codeAnswers);
  }

  /** Share of examples that reason. */
  public double reasoningShare() {
    return share(reasoning, examples);
  }

  /** Share of code answers with an import line. */
  public double importsShare() {
    return share(withImports, codeAnswers);
  }

  /** Share of multi-turn examples. */
  public double multiTurnShare() {
    return share(multiTurn, examples);
  }

  /** Share of examples whose prompt names no platform symbol. */
  public double goalFirstShare() {
    return share(goalFirst, examples);
  }

  /** Share of measured code answers that are a verbatim copy. */
  public double verbatimShare() {
    return share(verbatim, verbatimMeasured);
  }

  /** Share of examples whose span another extractor also mined. */
  public double spanOverlapShare() {
    return share(spanOverlap, examples);
  }

  /**
   * The counters and shares as JSON: {@code {examples, code_answers, code_only, code_only_share, reasoning,
   * reasoning_share, with_imports, imports_share, multi_turn, multi_turn_share, goal_first, goal_first_share,
   * verbatim_measured, verbatim, verbatim_share, span_overlap, span_overlap_share, placeholders,
   * framework_checked, framework_mislabels}}; shares rounded to 4 decimals, 0 when the base is 0.
   */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("examples", examples).put("code_answers", codeAnswers)
        .put("code_only", codeOnly).put("code_only_share", codeOnlyShare())
        .put("reasoning", reasoning).put("reasoning_share", reasoningShare())
        .put("with_imports", withImports).put("imports_share", importsShare())
        .put("multi_turn", multiTurn).put("multi_turn_share", multiTurnShare())
        .put("goal_first", goalFirst).put("goal_first_share", goalFirstShare())
        .put("verbatim_measured", verbatimMeasured).put("verbatim", verbatim).put("verbatim_share", verbatimShare())
        .put("span_overlap", spanOverlap).put("span_overlap_share", spanOverlapShare())
        .put("placeholders", placeholders).put("framework_checked", frameworkChecked)
        .put("framework_mislabels", frameworkMislabels);
  }

  static double share(long n, long of) {
    return of == 0 ? 0 : Math.round(10000.0 * n / of) / 10000.0;
  }
}
