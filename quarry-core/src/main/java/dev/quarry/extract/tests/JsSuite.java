package dev.quarry.extract.tests;

import java.util.Objects;

/**
 * A {@code describe}/{@code test.describe} block around a JavaScript test, as the file writes it, so an answer
 * wraps the test in the file's real suite instead of an invented one.
 *
 * @param open the suite call from its start up to and including the opening brace of its body
 *     ({@code test.describe("login", () => {})}
 * @param prelude the suite's own set-up written before its tests ({@code beforeEach} hooks, suite-level
 *     declarations), dedented; "" when none
 * @param close the closing brace of the body and the rest of the call ({@code });})
 */
record JsSuite(String open, String prelude, String close) {
  JsSuite {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(prelude, "prelude");
    Objects.requireNonNull(close, "close");
  }
}
