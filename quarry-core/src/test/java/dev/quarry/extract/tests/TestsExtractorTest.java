package dev.quarry.extract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class TestsExtractorTest {
  private final TestsExtractor tests = new TestsExtractor();

  @Test
  void findsParametrizedAsyncClassAndUnittestTestsAndResolvesAliasedImport() {
    var r = ExtractorFixture.run(tests, "tests/python");
    assertThat(r.symbols()).containsExactly("test_pool_keeps_its_size", "test_acquire_returns_a_connection",
        "TestPool.test_zero_size_is_allowed", "PoolCase.test_size_is_stored");
    Example param = r.bySymbol("test_pool_keeps_its_size");
    assertThat(param.source().lines()).isEqualTo(new LineRange(9, 11));
    assertThat(param.tags()).contains("parametrized");
    assertThat(param.meta().get("code_under_test").asText()).isEqualTo("app/pool.py#ConnectionPool");
    assertThat(param.messages().get(1).content()).contains("ConnectionPool").contains("async def acquire(self, timeout: float = 1.0) -> object");
    assertThat(r.bySymbol("test_acquire_returns_a_connection").tags()).contains("async");
    Example method = r.bySymbol("TestPool.test_zero_size_is_allowed");
    assertThat(method.source().lines()).isEqualTo(new LineRange(20, 21));
    assertThat(method.messages().get(2).content()).contains("class TestPool:\n    def test_zero_size_is_allowed");
    assertThat(r.bySymbol("PoolCase.test_size_is_stored").meta().get("test_framework").asText())
        .isEqualTo("unittest");
    assertThat(r.coverage().skips()).anySatisfy(s -> {
      assertThat(s.path()).isEqualTo("tests/fakes.py");
      assertThat(s.reason()).isEqualTo(SkipReason.NO_CANDIDATES);
    });
  }

  @Test
  void findsJestTestsInNestedDescribeBlocksWithEachAndModifiers() {
    var r = ExtractorFixture.run(tests, "tests/jest");
    assertThat(r.symbols()).containsExactly("useCounter > starts at the initial value",
        "useCounter > increment > adds one to %i");
    assertThat(r.coverage().candidates()).isEqualTo(3);
    assertThat(r.coverage().skips()).singleElement().satisfies(s -> {
      assertThat(s.symbol()).isEqualTo("useCounter > is skipped but still a test");
      assertThat(s.reason()).isEqualTo(SkipReason.TOO_SHORT);
    });
    Example each = r.bySymbol("useCounter > increment > adds one to %i");
    assertThat(each.source().lines()).isEqualTo(new LineRange(11, 13));
    assertThat(each.tags()).contains("parametrized", "async");
    assertThat(each.messages().get(1).content()).contains("useCounter(initial: number = 0)");
    assertThat(each.messages().get(2).content()).contains("describe('useCounter', () => {\n  describe('increment'");
  }

  @Test
  void findsJUnitTestsAndTheClassUnderTest() {
    var r = ExtractorFixture.run(tests, "tests/junit");
    assertThat(r.symbols()).containsExactly("CalculatorTest.addsTwoNumbers",
        "CalculatorTest.addingZeroKeepsTheNumber");
    Example p = r.bySymbol("CalculatorTest.addingZeroKeepsTheNumber");
    assertThat(p.source().lines()).isEqualTo(new LineRange(15, 19));
    assertThat(p.tags()).contains("parametrized");
    assertThat(p.messages().get(1).content()).contains("public int add(int a, int b)");
  }
}
