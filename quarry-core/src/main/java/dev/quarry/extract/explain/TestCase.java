package dev.quarry.extract.explain;

import java.util.List;

/**
 * A test function found in the repository: its name, span, the lines it asserts with and its body. Immutable.
 *
 * @param name the test's name (a Python function name or the string of a JS {@code it}/{@code test})
 * @param where the whole test and its span
 * @param asserts the assertion lines ({@code assert …}, {@code pytest.raises}, {@code expect(…)}), in order
 */
public record TestCase(String name, Sourced where, List<Sourced> asserts) {
  /** Copies the list. */
  public TestCase {
    asserts = List.copyOf(asserts);
  }

  /** Whether the test body calls {@code symbol} ({@code symbol(}, {@code .symbol(} or {@code new symbol(}). */
  public boolean calls(String symbol) {
    return Knowledge.callsName(where.text(), symbol);
  }
}
