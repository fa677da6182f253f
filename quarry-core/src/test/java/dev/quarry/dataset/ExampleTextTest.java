package dev.quarry.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleTextTest {
  private static Example conv(String system, String user, String answer) {
    return Example.of(List.of(Message.system(system), Message.user(user), Message.assistant(answer)), "sdk",
        "python", new Source("functions", null, "a.py", null, null, null));
  }

  @Test
  void exactKeyIgnoresTheSystemPrompt() {
    assertThat(ExampleText.exactKey(conv("Prompt one.", "Q", "A")))
        .isEqualTo(ExampleText.exactKey(conv("A completely different prompt.", "Q", "A")));
  }

  @Test
  void exactKeyIgnoresLineEndingsIndentationAndBlankLines() {
    assertThat(ExampleText.exactKey(conv("s", "Write  it", "def f():\n    return 1\n")))
        .isEqualTo(ExampleText.exactKey(conv("s", "Write it ", "def f():\r\n\r\n  return 1")));
  }

  @Test
  void exactKeyKeepsCaseAndRoles() {
    assertThat(ExampleText.exactKey(conv("s", "Q", "A"))).isNotEqualTo(ExampleText.exactKey(conv("s", "q", "A")));
    assertThat(ExampleText.normalised(conv("s", "Q", "A"))).isEqualTo("user\u001eQ\u001fassistant\u001eA\u001f");
  }

  @Test
  void wordHashesAreCaseInsensitiveAndSkipPunctuation() {
    assertThat(ExampleText.wordHashes(conv("ignored words", "Hello, World!", "x_1")))
        .containsExactly(ExampleText.wordHashes(conv("s", "hello world", "X_1")));
    assertThat(ExampleText.wordHashes(conv("s", "a b", "c"))).hasSize(3);
  }
}
