package dev.quarry.extract.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTest {
  @Test
  void docRulesAreIndexedByBacktickedNamesAndStatusCodesUnderTheirHeading() {
    List<DocRule> rules = Knowledge.docRules(".platform/standards/api.md", List.of(
        "# API design", "", "## Errors", "",
        "- Declare errors with `error_responses(401, 404)` so the spec lists them.",
        "- A missing scope answers 403 with `details.scope`.",
        "", "| table | rows are not rules `skip_me` |"));
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).title()).isEqualTo("API design");
    assertThat(rules.get(0).section()).isEqualTo("Errors");
    assertThat(rules.get(0).names()).contains("error_responses", "401", "404");
    assertThat(rules.get(0).where().first()).isEqualTo(5);
    assertThat(rules.get(1).names()).contains("403", "details.scope");
    assertThat(rules).noneMatch(r -> r.names().contains("skip_me"));
  }

  @Test
  void pythonTestsKeepTheirSpanAndAssertionLines() {
    List<TestCase> tests = Knowledge.pythonTests("tests/test_x.py", List.of(
        "import pytest", "", "@pytest.mark.asyncio", "async def test_chunks_overlap():",
        "    out = chunk_text('abcdef', size=4, overlap=2)", "    assert out == ['abcd', 'cdef']", "",
        "def helper():", "    pass"));
    assertThat(tests).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("test_chunks_overlap");
      assertThat(t.where().first()).isEqualTo(3);
      assertThat(t.where().last()).isEqualTo(6);
      assertThat(t.asserts()).extracting(Sourced::first).containsExactly(6);
      assertThat(t.calls("chunk_text")).isTrue();
      assertThat(t.calls("chunk")).isFalse();
    });
  }

  @Test
  void jsTestsEndAtTheirClosingLine() {
    List<TestCase> tests = Knowledge.jsTests("src/__tests__/a.test.ts", List.of(
        "describe(\"useX\", () => {", "  it(\"returns the hits\", async () => {",
        "    const r = await search(\"q\");", "    expect(r.hits).toHaveLength(2);", "  });", "});"));
    assertThat(tests).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("returns the hits");
      assertThat(t.where().first()).isEqualTo(2);
      assertThat(t.where().last()).isEqualTo(5);
      assertThat(t.asserts()).hasSize(1);
    });
  }

  @Test
  void callsNameNeedsAWholeNameFollowedByAParenthesis() {
    assertThat(Knowledge.callsName("x = store.search(q)", "search")).isTrue();
    assertThat(Knowledge.callsName("new RetryPolicy<T>(3)", "RetryPolicy")).isTrue();
    assertThat(Knowledge.callsName("research(q)", "search")).isFalse();
    assertThat(Knowledge.callsName("the search is fast", "search")).isFalse();
  }

  @Test
  void testPathsAreRecognisedByNameAndFolder() {
    assertThat(Knowledge.isTestPath("backend/tests/test_api.py")).isTrue();
    assertThat(Knowledge.isTestPath("sdk/src/hooks/__tests__/useChat.test.ts")).isTrue();
    assertThat(Knowledge.isTestPath("backend/app/rag.py")).isFalse();
  }
}
