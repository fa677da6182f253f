package dev.quarry.extract.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which tests of one file check an error case (a name or title saying error, invalid, missing, fails, raises,
 * rejects, not found, a 4xx status, or a body asserting {@code pytest.raises}, {@code assertRaises},
 * {@code assertThrows}, {@code toThrow}, {@code rejects}), and the happy-path test each one follows up: the
 * first test of the same file, not itself an error case, with the same key: the same resolved code under test,
 * or, when neither resolves, the same enclosing test class or describe block. Each test is in at most one pair; pairs are chosen in document order, so the result is deterministic.
 */
final class ErrorCases {
  private static final Pattern NAME = Pattern.compile(
      "(?i)(error|invalid|missing|fail|raise|reject|not[_ ]?found|unauthori[sz]ed|forbidden|denied|throw"
          + "|(?<![0-9])4[0-9]{2}(?![0-9]))");
  private static final Pattern BODY = Pattern.compile(
      "pytest\\.raises|assertRaises|assertThrows|\\.toThrow|\\.rejects\\.|\\.rejects\\b");

  private ErrorCases() {}

  /** Whether a test, with its code as written, checks an error case. */
  static boolean isErrorCase(TestCase t, String code) {
    return NAME.matcher(t.name()).find() || NAME.matcher(t.title()).find() || BODY.matcher(code).find();
  }

  /**
   * For each test index, the index of the error-case test that follows it up, when there is one.
   *
   * @param error whether each test checks an error case
   * @param targets each test's key (its code under test, else its class or suite), or empty when it has none
   * @param eligible whether each test may be a follow-up answer (within the size limits, parsed without error)
   */
  static TreeMap<Integer, Integer> pairs(List<Boolean> error, List<Optional<String>> targets,
      List<Boolean> eligible) {
    TreeMap<Integer, Integer> out = new TreeMap<>();
    List<Integer> used = new ArrayList<>();
    for (int b = 0; b < error.size(); b++) {
      if (!error.get(b) || !eligible.get(b) || targets.get(b).isEmpty()) {
        continue;
      }
      for (int a = 0; a < error.size(); a++) {
        if (a != b && !error.get(a) && !out.containsKey(a) && !used.contains(a)
            && targets.get(a).equals(targets.get(b))) {
          out.put(a, b);
          used.add(a);
          break;
        }
      }
    }
    return out;
  }
}
