package dev.quarry.dataset;

import java.util.List;
import java.util.Locale;

/**
 * Cheap textual markers of answer quality, used when records carry no validation findings: whether an
 * answer contains tests, error handling or type annotations. These are substring heuristics over the answer
 * text, not parses; they exist to rank duplicates and describe a distribution, never to reject a record.
 */
public final class QualityMarkers {
  private static final List<String> TESTS = List.of("def test_", "@test", "assert ", "assert(", "describe(",
      "it(\"", "it('", "test(\"", "test('", "expect(", "pytest", "unittest", "assertequals", "#[test]",
      "func test");
  private static final List<String> ERRORS = List.of("try:", "except ", "except:", "catch (", "catch(",
      "raise ", "throw ", "throws ", ".catch(", "if err != nil", "result<", "finally");
  private static final List<String> TYPES = List.of(") -> ", ": str", ": int", ": float", ": bool", ": list[",
      ": dict[", ": optional[", "interface ", ": string", ": number", ": boolean", "<t>", "typing");

  private QualityMarkers() {}

  /** True when the text looks like it contains tests. */
  public static boolean tests(String text) {
    return containsAny(text, TESTS);
  }

  /** True when the text looks like it handles errors. */
  public static boolean errorHandling(String text) {
    return containsAny(text, ERRORS);
  }

  /** True when the text looks like it has type annotations. */
  public static boolean typeHints(String text) {
    return containsAny(text, TYPES);
  }

  /** As {@link #tests} for text already lower-cased with {@code Locale.ROOT}. */
  public static boolean testsInLowerCase(String lower) {
    return containsLower(lower, TESTS);
  }

  /** As {@link #errorHandling} for text already lower-cased with {@code Locale.ROOT}. */
  public static boolean errorHandlingInLowerCase(String lower) {
    return containsLower(lower, ERRORS);
  }

  private static boolean containsAny(String text, List<String> markers) {
    return containsLower(text.toLowerCase(Locale.ROOT), markers);
  }

  private static boolean containsLower(String lower, List<String> markers) {
    for (String m : markers) {
      if (lower.contains(m)) {
        return true;
      }
    }
    return false;
  }
}
