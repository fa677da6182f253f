package dev.quarry.extract.tests;

import java.util.List;

/**
 * A test function found in a test file.
 *
 * @param framework {@code pytest}, {@code unittest}, {@code jest} (also vitest and mocha) or {@code junit}
 * @param name the test's name (function name, or the title given to {@code it}/{@code test})
 * @param scope enclosing classes or describe blocks, outermost first
 * @param traits {@code parametrized}, {@code async}, {@code class}
 * @param referenced identifiers the test uses, in order of first use, for resolving the code under test
 * @param header for a test method, the header of its class ({@code class TestPool:}) to wrap it in; else ""
 */
record TestCase(String framework, String name, List<String> scope, List<String> traits, List<String> referenced,
    String header) {
  TestCase {
    scope = List.copyOf(scope);
    traits = List.copyOf(traits);
    referenced = List.copyOf(referenced);
  }
}
