package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeHintsRuleTest {
  private final RuleHarness h = new RuleHarness(new TypeHintsRule());

  private List<Finding> code(String label, String code) {
    return h.answer("Code:\n```" + label + "\n" + code.replace("\\n", "\n") + "\n```");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|def f(a: int, *args: str, b: int = 1, **kw: object) -> None:\\n    pass",
      "python|class A:\\n    def __init__(self, x: int):\\n        self.x = x\\n    @classmethod\\n    def make(cls) -> \"A\":\\n        return cls(1)",
      "ts|export function f(a: number, b?: string): void {}\\nconst g = (x: number) => x;\\nxs.map(x => x * 2);",
      "ts|class C {\\n  get(id: string) {\\n    return id;\\n  }\\n}",
      "js|function f(a, b) { return a + b; }",
      "java|int f(int a) { return a; }"})
  void acceptsAnnotatedCodeAndUntypedLanguages(String label, String code) {
    assertThat(code(label, code)).as(code).isEmpty();
  }

  @Test
  void flagsEachUnannotatedPythonParameterAndReturnAtItsLine() {
    List<Finding> f = code("python", "x = 1\\ndef f(self, a, b: int = 2, *rest):\\n    return a");
    assertThat(f).extracting(Finding::message).containsExactly(
        "parameter self of f() has no type annotation", "parameter a of f() has no type annotation",
        "parameter *rest of f() has no type annotation", "f() has no return annotation");
    assertThat(f).extracting(Finding::location).containsOnly("assistant:4");
  }

  @Test
  void flagsImplicitAnyInTypeScriptSignatures() {
    List<Finding> f = code("ts", "export function f(a, b: number): number {\\n  return b;\\n}\\nconst g = (x) => x;");
    assertThat(f).extracting(Finding::location).containsExactly("assistant:3", "assistant:6");
    assertThat(f.get(0).message()).contains("parameter a of f is implicitly any");
  }
}
