package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One category's line of the quality table.
 *
 * @param examples examples in the category
 * @param withTests examples whose answer has tests
 * @param withErrorHandling examples whose answer handles errors
 * @param withTypeHints examples whose answer has type annotations
 * @param errors error findings over the category ({@code meta.findings})
 * @param warnings warning findings over the category
 * @param fromFindings examples judged from {@code meta.findings}; the others from text markers
 */
public record QualityRow(long examples, long withTests, long withErrorHandling, long withTypeHints, long errors,
    long warnings, long fromFindings) {
  /** An empty row. */
  public static QualityRow empty() {
    return new QualityRow(0, 0, 0, 0, 0, 0, 0);
  }

  /** The sum of two rows. */
  public QualityRow plus(QualityRow o) {
    return new QualityRow(examples + o.examples, withTests + o.withTests, withErrorHandling + o.withErrorHandling,
        withTypeHints + o.withTypeHints, errors + o.errors, warnings + o.warnings, fromFindings + o.fromFindings);
  }

  /**
   * {@code {examples, with_tests, with_error_handling, with_type_hints, tests_share, error_handling_share,
   * type_hints_share, errors, warnings, from_findings}}; shares in [0, 1], 4 decimals.
   */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("examples", examples).put("with_tests", withTests)
        .put("with_error_handling", withErrorHandling).put("with_type_hints", withTypeHints)
        .put("tests_share", share(withTests)).put("error_handling_share", share(withErrorHandling))
        .put("type_hints_share", share(withTypeHints)).put("errors", errors).put("warnings", warnings)
        .put("from_findings", fromFindings);
  }

  private double share(long n) {
    return examples == 0 ? 0 : Math.round(10000.0 * n / examples) / 10000.0;
  }
}
