package dev.quarry.extract.tests;

import java.util.List;
import java.util.Objects;

/**
 * A test function found in a test file.
 *
 * @param framework the framework the file is written for, detected from its imports
 * @param name the test's name (function name, or the title given to {@code it}/{@code test} as written)
 * @param title the title a prompt states: {@code name} with the placeholders of a parametrized title
 *     ({@code %s}, {@code %i}, {@code %j}, {@code $name}) filled from the first case
 * @param scope enclosing classes or describe blocks, outermost first
 * @param traits {@code parametrized}, {@code async}, {@code class}
 * @param referenced identifiers the test uses, what it asserts on and calls first, for resolving the code under
 *     test
 * @param header for a test method, the header of its class ({@code class TestPool:}) to wrap it in; else ""
 * @param suites for a JavaScript test, its enclosing suite calls as written, outermost first; else empty
 * @param firstCase for a parametrized Python test, its first case as {@code name=value, ...}; else ""
 */
record TestCase(TestFramework framework, String name, String title, List<String> scope, List<String> traits,
    List<String> referenced, String header, List<JsSuite> suites, String firstCase) {
  TestCase {
    Objects.requireNonNull(framework, "framework");
    scope = List.copyOf(scope);
    traits = List.copyOf(traits);
    referenced = List.copyOf(referenced);
    suites = List.copyOf(suites);
  }

  /** A test without suites or first case, titled by its name. */
  static TestCase of(TestFramework framework, String name, List<String> scope, List<String> traits,
      List<String> referenced, String header) {
    return new TestCase(framework, name, name, scope, traits, referenced, header, List.of(), "");
  }

  /** This test with other referenced identifiers. */
  TestCase withReferenced(List<String> newReferenced) {
    return new TestCase(framework, name, title, scope, traits, newReferenced, header, suites, firstCase);
  }
}
