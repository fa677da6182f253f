package dev.quarry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import dev.quarry.eval.symbols.AcmeRecords;
import dev.quarry.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalItemsTest {
  @TempDir
  Path tmp;

  @Test
  void aDatasetRecordGivesItsConversationAsPromptAndItsLastAnswerAsReference() {
    List<EvalItem> items = EvalItems.read(AcmeRecords.file(), 100);
    assertThat(items).hasSize(8);
    EvalItem first = items.get(0);
    assertThat(first.id()).startsWith("q-");
    assertThat(first.category()).isEqualTo("sdk");
    assertThat(first.prompt()).extracting(m -> m.role()).containsExactly(Role.SYSTEM, Role.USER);
    assertThat(first.question()).isEqualTo("Write the `useChat` hook of the Acme SDK.");
    assertThat(first.reference()).startsWith("```ts\n");
    assertThat(EvalItems.read(AcmeRecords.file(), 3)).hasSize(3);
  }

  @Test
  void probesMayBeAPromptOrMessagesWithOptionalFields() throws Exception {
    Path f = tmp.resolve("probes.jsonl");
    Files.writeString(f, "{\"id\":\"p1\",\"category\":\"sdk\",\"system\":\"be brief\",\"prompt\":\"How?\",\"reference\":\"So.\"}\n"
        + "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"},"
        + "{\"role\":\"user\",\"content\":\"And?\"}]}\n");
    List<EvalItem> items = EvalItems.read(f, 10);
    assertThat(items.get(0)).isEqualTo(new EvalItem("p1", "sdk", "text",
        List.of(dev.quarry.model.Message.system("be brief"), dev.quarry.model.Message.user("How?")), "So."));
    assertThat(items.get(1).id()).matches("p-[0-9a-f]{16}");
    assertThat(items.get(1).reference()).isEmpty();
    assertThat(items.get(1).question()).isEqualTo("And?");
  }

  @Test
  void aProbeWithoutAQuestionIsAnInputErrorWithItsLine() throws Exception {
    Path f = tmp.resolve("probes.jsonl");
    Files.writeString(f, "{\"prompt\":\"ok\"}\n{\"category\":\"sdk\"}\n");
    assertThatThrownBy(() -> EvalItems.read(f, 10)).isInstanceOf(InputException.class)
        .hasMessage(f + ":2: a probe needs \"prompt\" or \"messages\" ending with a user message (add the question as"
            + " \"prompt\")");
  }

  @Test
  void duplicateIdsAreAnInputError() throws Exception {
    Path f = tmp.resolve("probes.jsonl");
    Files.writeString(f, "{\"id\":\"a\",\"prompt\":\"x\"}\n{\"id\":\"a\",\"prompt\":\"y\"}\n");
    assertThatThrownBy(() -> EvalItems.read(f, 10)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(f + ":2: duplicate id a");
  }
}
