package dev.quarry.extract.context;

import java.util.regex.Pattern;

/** Whether a repository path is test code (a test folder or a test-named file), whose helpers stay in tests. */
final class TestPaths {
  private static final Pattern TEST = Pattern.compile(
      "(^|/)(tests?|__tests__|spec|e2e)/|(^|/)test_[^/]*\\.py$|_test\\.py$|\\.(test|spec)\\.[cm]?[jt]sx?$");

  private TestPaths() {}

  static boolean isTest(String path) {
    return TEST.matcher(path).find();
  }
}
