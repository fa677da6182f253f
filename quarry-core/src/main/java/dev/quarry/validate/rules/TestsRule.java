package dev.quarry.validate.rules;

/**
 * Tests in the assistant's code (Python, TypeScript, TSX, JavaScript, Java), read from the syntax tree: a test
 * function or class ({@code test_*}, {@code Test*}, {@code @Test}, {@code describe}/{@code it}/{@code test}), or an
 * assertion ({@code assert}, {@code expect}, {@code assertEquals}, {@code pytest.raises}). A warning by default
 * ({@code validate.require.tests}); applies to examples whose answer has code in one of those languages.
 */
public final class TestsRule extends MissingCodeFactRule {
  /** The rule with its fixed id {@code tests}. */
  public TestsRule() {
    super("tests", "the answer's code includes a test function or assertions", CodeFacts::tests,
        "the answer's code has no test function or assertion (add a test that exercises it)");
  }
}
