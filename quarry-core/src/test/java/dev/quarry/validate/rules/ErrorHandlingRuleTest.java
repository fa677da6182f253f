package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorHandlingRuleTest {
  private final RuleHarness h = new RuleHarness(new ErrorHandlingRule());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|try:\\n    go()\\nexcept OSError as e:\\n    log(e)",
      "python|if x is None:\\n    raise ValueError(\"x\")",
      "python|r = httpx.get(u)\\nr.raise_for_status()",
      "python|if r.status_code != 200:\\n    return None",
      "ts|const r = await fetch(u);\\nif (!r.ok) {\\n  return null;\\n}",
      "js|get(u).then(use).catch(report);",
      "java|void f() throws IOException {\\n  read();\\n}",
      "java|try (var in = open()) {\\n  use(in);\\n}"})
  void acceptsCodeThatHandlesErrors(String label, String code) {
    assertThat(h.answer("```" + label + "\n" + code.replace("\\n", "\n") + "\n```")).as(code).isEmpty();
  }

  @Test
  void warnsWhenNoErrorIsHandled() {
    List<Finding> f = h.answer("```ts\nexport const add = (a: number, b: number): number => a + b;\n```");
    assertThat(f).extracting(Finding::rule, Finding::location).containsExactly(
        org.assertj.core.groups.Tuple.tuple("error-handling", "assistant:2"));
  }
}
