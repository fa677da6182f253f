package dev.quarry.extract.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    assertThat(param.messages().get(1).content()).contains("pytest").contains("the first being `size=1`");
    assertThat(param.messages().get(2).content())
        .contains("import pytest\nfrom app.pool import ConnectionPool as Pool\n\n@pytest.mark.parametrize")
        .doesNotContain("import unittest");
    assertThat(r.coverage().skips()).anySatisfy(s -> {
      assertThat(s.path()).isEqualTo("tests/fakes.py");
      assertThat(s.reason()).isEqualTo(SkipReason.NO_CANDIDATES);
    });
  }

  @Test
  void aHappyPathTestFollowedUpByTheFilesErrorCaseTestOfTheSameTargetBecomesTwoTurns() {
    var r = ExtractorFixture.run(tests, "tests/errorcase");
    Example happy = r.bySymbol("test_load_account_returns_the_stored_account");
    assertThat(happy.messages()).extracting(m -> m.role().name())
        .containsExactly("SYSTEM", "USER", "ASSISTANT", "USER", "ASSISTANT");
    assertThat(happy.messages().get(3).content()).contains("load account raises for a missing id");
    String second = happy.messages().get(4).content();
    assertThat(second).contains("import pytest\nfrom app.accounts import AccountNotFound, load_account\n")
        .contains("def test_load_account_raises_for_a_missing_id():\n    with pytest.raises(AccountNotFound):")
        .doesNotContain("test_load_account_returns_the_stored_account");
    assertThat(happy.messages().get(2).content()).doesNotContain("pytest.raises");
    assertThat(happy.meta().get("follow_up_test").asText()).isEqualTo("test_load_account_raises_for_a_missing_id");
    assertThat(happy.tags()).contains("error-case");
    assertThat(r.bySymbol("test_load_account_raises_for_a_missing_id").messages()).hasSize(3);
  }

  @Test
  void withoutAResolvedTargetTheErrorCaseTestOfTheSameClassIsTheFollowUp() {
    var r = ExtractorFixture.run(tests, "tests/errorcase");
    Example happy = r.bySymbol("TestItems.test_create_item");
    assertThat(happy.meta().get("code_under_test").asText()).isEmpty();
    assertThat(happy.messages()).hasSize(5);
    assertThat(happy.messages().get(4).content())
        .contains("class TestItems:\n    def test_create_item_rejects_a_blank_name(self, client):");
  }

  @Test
  void testsOfDifferentTargetsWithoutAnErrorCaseStaySingleTurn() {
    var r = ExtractorFixture.run(tests, "tests/errorcase");
    assertThat(r.bySymbol("test_format_name_joins_first_and_last").messages()).hasSize(3);
    assertThat(r.bySymbol("test_load_account_reads_by_id").messages()).hasSize(3);
    assertThat(r.bySymbol("test_load_account_reads_by_id").meta().has("follow_up_test")).isFalse();
  }

  @Test
  void anErrorCaseIsToldByItsNameOrByWhatItAsserts() {
    TestCase named = TestCase.of(TestFramework.PYTEST, "test_rejects_a_404_reply", List.of(), List.of(), List.of(), "");
    TestCase plain = TestCase.of(TestFramework.PYTEST, "test_sums_two_numbers", List.of(), List.of(), List.of(), "");
    assertThat(ErrorCases.isErrorCase(named, "")).isTrue();
    assertThat(ErrorCases.isErrorCase(plain, "assert add(1, 2) == 3")).isFalse();
    assertThat(ErrorCases.isErrorCase(plain, "expect(() => add()).toThrow()")).isTrue();
    assertThat(ErrorCases.pairs(List.of(false, true, true), List.of(Optional.of("t"), Optional.of("t"),
        Optional.of("t")), List.of(true, true, true))).containsExactly(Map.entry(0, 1));
    assertThat(ErrorCases.pairs(List.of(false, true), List.of(Optional.of("t"), Optional.of("u")),
        List.of(true, true))).isEmpty();
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
    assertThat(each.messages().get(1).content()).contains("Jest").contains("adds one to 1").doesNotContain("%i");
    assertThat(each.meta().get("test_framework").asText()).isEqualTo("jest");
  }

  @Test
  void saysVitestForAVitestFileAndKeepsItsImportsHelpersAndHooks() {
    var r = ExtractorFixture.run(tests, "tests/vitest");
    Example each = r.bySymbol("formatPrice > formats %i dollars as %s");
    String prompt = each.messages().get(1).content();
    assertThat(prompt).contains("Vitest").doesNotContain("Jest").contains("formats 1 dollars as $1.00")
        .doesNotContain("%i").doesNotContain("%s");
    assertThat(each.meta().get("test_framework").asText()).isEqualTo("vitest");
    assertThat(each.tags()).contains("vitest").doesNotContain("jest");
    String answer = each.messages().get(2).content();
    assertThat(answer).contains("import { beforeEach, describe, expect, it, vi } from \"vitest\";\n"
        + "import { formatPrice, total } from \"../price\";")
        .doesNotContain("unrelated")
        .contains("function cents(n: number): number {")
        .doesNotContain("function cart(")
        .contains("describe(\"formatPrice\", () => {\n  beforeEach(() => {\n    vi.useRealTimers();\n  });")
        .contains("\n});\n```");
    assertThat(each.meta().get("code_under_test").asText()).isEqualTo("src/price.ts#formatPrice");
  }

  @Test
  void fillsDollarNamePlaceholdersFromTheFirstObjectCaseAndResolvesWhatTheTestAssertsOn() {
    var r = ExtractorFixture.run(tests, "tests/vitest");
    Example each = r.bySymbol("formatPrice > adds up $amounts to $sum");
    assertThat(each.messages().get(1).content()).contains("adds up [1, 2] to 300").doesNotContain("$sum");
    assertThat(each.messages().get(2).content()).contains("function cart(...amounts: number[]): Item[] {")
        .contains("function cents(n: number)").contains("type Item = { cents: number };");
    assertThat(each.meta().get("code_under_test").asText()).isEqualTo("src/price.ts#total");
  }

  @Test
  void keepsPlaywrightTestDescribeAsWrittenAndNeverInventsADescribe() {
    var r = ExtractorFixture.run(tests, "tests/playwright");
    Example t = r.bySymbol("login page > signs a known user in");
    assertThat(t.messages().get(1).content()).contains("Playwright Test").doesNotContain("Jest");
    String answer = t.messages().get(2).content();
    assertThat(answer).contains("import { expect, test } from \"@playwright/test\";")
        .contains("const USER = { name: \"ada\", password: \"secret-horse\" };")
        .contains("test.describe(\"login page\", () => {\n  test.beforeEach(async ({ page }) => {")
        .doesNotContain("describe('login page'");
    assertThat(t.meta().get("test_framework").asText()).isEqualTo("playwright");
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

  @Test
  void conditionalVitestTestsAreTestsAndAPytestFixtureNamedTestIsNot() {
    var r = ExtractorFixture.run(tests, "tests/variants");
    assertThat(r.symbols()).containsExactly("reports coverage on CI", "uses POSIX paths", "test_client_is_ok");
    assertThat(r.bySymbol("reports coverage on CI").source().lines()).isEqualTo(new LineRange(5, 7));
  }
}
