package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntaxRuleTest {
  private final RuleHarness h = new RuleHarness(new SyntaxRule());

  private static String fenced(String label, String code) {
    return "Here it is:\n\n```" + label + "\n" + code.replace("\\n", "\n") + "\n```\nDone.";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|def f(x):\\n    return x +\\n",
      "python|def f():\\n    print \"x\"",
      "python|def f():\\nreturn 1",
      "python|if x:\\n    a = 1\\n      b = 2",
      "ts|function f(a: number): number {\\n  return a *;\\n}",
      "tsx|const A = () => <div>{x</div>;",
      "javascript|const a = {b: 1,,};\\nfoo(",
      "java|public class A {\\n  void f() {\\n    int x = ;\\n  }\\n}",
      "json|{\"a\": 1,\\n \"b\": }",
      "yaml|a: [1, 2\\nb: c",
      "bash|if [ -f x ]; then\\n  echo hi\\n"})
  void rejectsCodeThatDoesNotParse(String label, String code) {
    List<Finding> f = h.answer(fenced(label, code));
    assertThat(f).as(code).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("syntax");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(0).location()).startsWith("assistant:");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|def f(x: int) -> int:\\n    return x + 1",
      "python|    def method(self) -> None:\\n        self.x = 1",
      "py|async def g():\\n    async with a as b:\\n        await b",
      "ts|export async function f(a: number): Promise<number> {\\n  return a * 2;\\n}",
      "typescript|async get(id: string): Promise<Item> {\\n  return this.http.get(`/items/${id}`);\\n}",
      "tsx|export const A = ({n}: {n: number}) => <div>{n}</div>;",
      "jsx|const A = () => <p>hi</p>;",
      "js|fetch(url).then(r => r.json()).catch(console.error);",
      "java|@Override\\npublic String toString() {\\n  return \"x\";\\n}",
      "java|List<String> xs = new ArrayList<>();\\nxs.add(\"a\");",
      "json|{\"a\": [1, 2, {\"b\": null}]}",
      "yaml|services:\\n  api:\\n    image: acme/api:1.0",
      "bash|$ pip install acme\\nSuccessfully installed acme\\n$ acme --help",
      "sql|SELEC broken FROM nowhere",
      "console|$ make\\nerror: whatever ((",
      "text|this is ( not code",
      "typescript|const useAgent = (options: UseAgentOptions = {}): UseAgentResult =>",
      "python|async def lease(self, name: str) -> AsyncIterator[Agent]",
      "java|public List<String> names(int limit)"})
  void acceptsValidCodeExcerptsAndUncheckedLanguages(String label, String code) {
    assertThat(h.answer(fenced(label, code))).as(code).isEmpty();
  }

  @Test
  void reportsTheLineWithinTheMessage() {
    List<Finding> f = h.answer("Intro\n\n```python\ndef f():\n    x = (1,\n    return x\n```");
    assertThat(f).extracting(Finding::location).containsExactly("assistant:5");
  }

  @Test
  void pythonStrictnessErrorsCarryTheirReason() {
    Finding f = h.answer(fenced("python", "def f():\\n    print \"x\"")).get(0);
    assertThat(f.message()).contains("print statement");
    assertThat(f.location()).isEqualTo("assistant:5");
  }

  @Test
  void unlabelledBlocksAreDetectedAndOnlyWarned() {
    List<Finding> f = h.answer("```\nimport os\n\ndef f(x):\n    if x:\n        return os.getcwd(\n```");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.message()).contains("looks like python");
    });
    assertThat(h.answer("```\nimport os\n\ndef f(x):\n    return os.getcwd()\n```")).isEmpty();
    assertThat(h.answer("```\nTraceback (most recent call last):\n  File \"x\", line 1\n```")).isEmpty();
  }

  @Test
  void unclosedFenceIsAWarning() {
    List<Finding> f = h.answer("Code:\n```python\nx = 1\n");
    assertThat(f).extracting(Finding::severity, Finding::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "assistant:2"));
  }
}
