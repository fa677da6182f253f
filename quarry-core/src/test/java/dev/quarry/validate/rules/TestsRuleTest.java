package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestsRuleTest {
  private final RuleHarness h = new RuleHarness(new TestsRule());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|def test_add():\\n    assert add(1, 2) == 3",
      "python|class TestStack:\\n    def check(self):\\n        self.assertEqual(1, 1)",
      "python|with pytest.raises(ValueError):\\n    parse(\"x\")",
      "ts|describe(\"client\", () => {\\n  it(\"gets\", async () => {\\n    expect(await get()).toBe(1);\\n  });\\n});",
      "java|@Test\\nvoid adds() {\\n  assertEquals(3, add(1, 2));\\n}"})
  void acceptsCodeWithTests(String label, String code) {
    assertThat(h.answer("```" + label + "\n" + code.replace("\\n", "\n") + "\n```")).as(code).isEmpty();
  }

  @Test
  void warnsWhenCodeHasNoTestAtTheFirstBlock() {
    List<Finding> f = h.answer("Use this:\n\n```python\ndef add(a: int, b: int) -> int:\n    return a + b\n```");
    assertThat(f).extracting(Finding::rule, Finding::severity, Finding::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tests", Severity.WARNING, "assistant:4"));
  }

  @Test
  void doesNotApplyToAnswersWithoutCode() {
    assertThat(new TestsRule().appliesTo(Records.answer("Just prose."), h.ctx())).isFalse();
    assertThat(new TestsRule().appliesTo(Records.answer("```json\n{}\n```"), h.ctx())).isFalse();
  }
}
