package dev.quarry.extract.history;

import java.util.List;

/**
 * A kept commit, prepared: its cleaned message, the source files it changed with the code around each change
 * as it was before, and the tests it added or changed as they are after. Holds slices, never whole files, so
 * per-commit memory stays small.
 *
 * @param commit the commit
 * @param message its cleaned message
 * @param code the changed source files that are not tests (or the tests, for a test-only commit)
 * @param tests the changed test files, empty for a test-only commit
 */
record Change(Commit commit, CommitMessage message, List<Part> code, List<Part> tests) {
  /** Copies the lists. */
  Change {
    code = List.copyOf(code);
    tests = List.copyOf(tests);
  }

  /**
   * One changed file.
   *
   * @param diff its diff
   * @param language its fence language
   * @param lines the lines shown (before the change for code, after it for tests), or null when none
   * @param shown those lines' text, or null when the file is new (code) or too long to show whole (tests)
   * @param definitions names of the top-level definitions the change touches, in file order
   * @param created the whole file when the commit created it and it is short enough to show, else null
   */
  record Part(FileDiff diff, String language, int[] lines, String shown, List<String> definitions, String created) {
    /** Copies the list. */
    Part {
      definitions = List.copyOf(definitions);
    }

    String path() {
      return diff.path();
    }
  }

  /** The file the example's provenance points at: the first code file. */
  Part primary() {
    return code.get(0);
  }

  /** The parent the change is diffed against. */
  String parent() {
    return commit.parents().get(0);
  }

  /** Whether the commit fixes a bug. */
  boolean isFix() {
    return message.isFix();
  }

  /** The part for {@code path} among the code files, or null. */
  Part code(String path) {
    return code.stream().filter(p -> p.path().equals(path)).findFirst().orElse(null);
  }
}
