package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfContainedRuleTest {
  private final RuleHarness h = new RuleHarness(new SelfContainedRule());

  @Test
  void reportsEachUnresolvedNameOnceAtItsFirstUse() {
    List<Finding> f = h.answer("Code:\n```python\nimport os\n\n\ndef f(x: int) -> Item:\n    return helper(os.sep, x)"
        + " or helper(1)\n```");
    assertThat(f).extracting(Finding::rule).containsOnly("self-contained");
    assertThat(f).extracting(Finding::message).containsExactly(
        "`Item` is used but neither imported nor defined (add its import to the code, or give its definition in the"
            + " prompt)",
        "`helper` is used but neither imported nor defined (add its import to the code, or give its definition in"
            + " the prompt)");
    assertThat(f).extracting(Finding::location).containsExactly("assistant:6", "assistant:7");
    assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
  }

  @Test
  void acceptsImportedDefinedAndBuiltinNames() {
    assertThat(h.answer("```python\nfrom app.models import Item\n\n\ndef f(items: list[Item]) -> int:\n"
        + "    return len(items)\n```")).isEmpty();
    assertThat(h.answer("```typescript\nimport { useAgent } from \"@acme/aikit\";\n\n"
        + "describe(\"x\", () => { it(\"y\", () => expect(useAgent).toBeDefined()); });\n```")).isEmpty();
  }

  @Test
  void namesDefinedInThePromptsContextCountAsGiven() {
    String prompt = "Write it.\n\nContext:\n\n```python\ndef error_responses(*codes: int) -> dict:\n    ...\n```";
    String answer = "```python\nRESPONSES = error_responses(404) | extra\n```";
    List<Finding> f = h.check(Records.of(prompt, answer));
    assertThat(f).extracting(Finding::message).singleElement().asString().startsWith("`extra`");
  }

  @Test
  void appliesOnlyToAnswersWithPythonOrScriptCode() {
    assertThat(new SelfContainedRule().appliesTo(Records.answer("```json\n{\"a\": 1}\n```"), h.ctx())).isFalse();
    assertThat(new SelfContainedRule().appliesTo(Records.answer("```js\nf()\n```"), h.ctx())).isTrue();
  }
}
