package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletenessRuleTest {
  private final RuleHarness h = new RuleHarness(new CompletenessRule());

  private static String fenced(String label, String code) {
    return "Answer:\n```" + label + "\n" + code.replace("\\n", "\n") + "\n```";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|def f(x: int) -> int:\\n    pass|4",
      "python|def f(x: int) -> int:\\n    \"\"\"Doc.\"\"\"\\n    ...|5",
      "python|def f():\\n    raise NotImplementedError|4",
      "python|class Store:\\n    def get(self, k: str) -> bytes:\\n        \"\"\"Get it.\"\"\"\\n        pass|6",
      "python|class Store:\\n    def get(self, k: str) -> bytes:\\n        ...|5",
      "python|def handler(event: dict) -> None:\\n    \"\"\"Handle it.\"\"\"\\n    pass|5",
      "ts|class Store {\\n  get(): string {\\n    throw new Error('Not implemented');\\n  }\\n}|5",
      "java|class Store {\\n  int f() {\\n    throw new UnsupportedOperationException(\"not implemented\");\\n  }\\n}|5",
      "python|def f():\\n    x = 1  # TODO: handle errors\\n    return x|4",
      "python|def f():\\n    # ... rest of the code\\n    return 1|4",
      "ts|function f(): number {\\n  // implement here\\n  return 0;\\n}|4",
      "js|function f() {\\n  throw new Error(\"Not implemented\");\\n}|4",
      "java|int f() {\\n  throw new UnsupportedOperationException(\"not implemented\");\\n}|4",
      "go|func f() {\\n  // TODO\\n}|4",
      "|# FIXME later\\nrun()|3"})
  void flagsPlaceholders(String label, String code, int line) {
    List<Finding> f = h.answer(fenced(label == null ? "" : label, code));
    assertThat(f).as(code).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("completeness");
    assertThat(f.get(0).location()).isEqualTo("assistant:" + line);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "python|class Store(Protocol):\\n    def get(self, k: str) -> bytes: ...",
      "python|from abc import ABC, abstractmethod\\nclass A(ABC):\\n    @abstractmethod\\n    def f(self) -> int:\\n        ...",
      "python|@overload\\ndef f(x: int) -> int: ...",
      "python|class MyError(Exception):\\n    pass",
      "python|try:\\n    run()\\nexcept KeyError:\\n    pass",
      "python|def todo_items() -> list[str]:\\n    return [\"TODOs are tracked in issues\"]",
      "ts|items.forEach(() => {});",
      "java|public void remove() {\\n  throw new UnsupportedOperationException();\\n}",
      // Abstract and interface members, overloads, empty callbacks and hooks.
      "python|class Tool:\\n    def run(self, args: dict) -> str:\\n        raise NotImplementedError(\"Subclasses must implement run\")",
      "python|async def authorize(self, client: str) -> str:\\n    \"\"\"Return the redirect URL.\"\"\"\\n    ...",
      "python|class Progress:\\n    async def __aexit__(self, *exc: object) -> None:\\n        pass",
      "python|import typing\\n@typing.overload\\ndef f(x: int) -> int: ...",
      "ts|function pick(x: string): string;\\nfunction pick(x: number): number;\\nfunction pick(x: unknown): unknown {\\n  return x;\\n}",
      "ts|interface Store {\\n  get(key: string): Promise<string>;\\n}\\nabstract class Base {\\n  abstract run(): void;\\n}",
      "ts|const stop = () => {};\\nemitter.on('data', () => {});\\nfunction noop(): void {}",
      "java|interface Store {\\n  byte[] get(String key);\\n}\\nabstract class Base {\\n  abstract int run();\\n}",
      // Test doubles outside test folders.
      "python|class FakeStore:\\n    def get(self, k: str) -> bytes:\\n        \"\"\"Nothing stored.\"\"\"\\n        pass",
      "python|class InMemoryProgress:\\n    def done(self) -> None:\\n        pass",
      "ts|class MockLanguageModel {\\n  doStream(): never {\\n    throw new Error('Not implemented');\\n  }\\n}",
      "java|class StubClient {\\n  int f() {\\n    throw new UnsupportedOperationException(\"not implemented\");\\n  }\\n}"})
  void leavesCompleteCodeAlone(String label, String code) {
    assertThat(h.answer(fenced(label, code))).as(code).isEmpty();
  }

  private java.util.List<Finding> at(String path, String code) {
    dev.quarry.model.Example e = dev.quarry.model.Example.of(java.util.List.of(dev.quarry.model.Message.user("Show " + path),
        dev.quarry.model.Message.assistant(fenced("python", code))), "testing", "python",
        new dev.quarry.model.Source("tests", "acme", path, null, null, null));
    return h.check(e);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"tests/test_client.py", "tests/conftest.py", "tests/fakes/store.py",
      "src/types/stubs.pyi"})
  void testDoublesAndStubFilesAreNotJudged(String path) {
    assertThat(at(path, "class FakeStore:\n    def get(self, k: str) -> bytes:\n        pass")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"app/store.py", "src/contest/client.py"})
  void deliverableStubIsStillFlagged(String path) {
    List<Finding> f = at(path, "class Store:\n    def get(self, k: str) -> bytes:\n        pass");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("completeness");
    assertThat(f.get(0).location()).isEqualTo("assistant:5");
  }
}
