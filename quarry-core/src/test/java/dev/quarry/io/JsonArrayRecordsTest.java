package dev.quarry.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file holding one JSON array of records (LLaMA-Factory's {@code data/*.json}) is read like JSONL. */
class JsonArrayRecordsTest {
  private static final String TWO = """
      [
        {"instruction": "Translate to French", "input": "Good morning", "output": "Bonjour"},

        {
          "instruction": "Continue",
          "output": "The end."
        }
      ]
      """;

  @TempDir
  Path dir;

  private static List<JsonlLine> all(Path file) {
    try (Stream<JsonlLine> s = JsonlReader.read(file)) {
      return s.toList();
    }
  }

  @Test
  void everyElementIsARecordWhoseLineIsWhereItStarts() throws Exception {
    Path f = Files.writeString(dir.resolve("demo.json"), TWO);

    List<JsonlLine> lines = all(f);

    assertThat(lines).extracting(JsonlLine::line).containsExactly(2L, 4L);
    JsonNode second = ExampleCodec.toJson(((JsonlLine.Parsed) lines.get(1)).example());
    assertThat(second.path("source").path("lines").toString()).isEqualTo("[4,4]");
    assertThat(second.path("meta").path("original"))
        .isEqualTo(Json.mapper().readTree("{\"instruction\": \"Continue\", \"output\": \"The end.\"}"));
    assertThat(second.path("meta").path("input_format").asText()).isEqualTo("alpaca");
  }

  @Test
  void aByteOrderMarkAndLeadingWhitespaceStillMakeItAnArray() throws Exception {
    Path f = Files.writeString(dir.resolve("bom.json"), "\uFEFF\n  " + TWO);

    assertThat(JsonlReader.isJsonArray(f)).isTrue();
    assertThat(all(f)).hasSize(2);
  }

  @Test
  void aJsonlFileIsNotAnArray() throws Exception {
    Path f = Files.writeString(dir.resolve("a.jsonl"), "{\"instruction\": \"a\", \"output\": \"b\"}\n");

    assertThat(JsonlReader.isJsonArray(f)).isFalse();
  }

  @Test
  void anElementThatIsNotARecordIsMalformedNotFatal() throws Exception {
    Path f = Files.writeString(dir.resolve("odd.json"), "[\n{\"instruction\": \"a\", \"output\": \"b\"},\n42\n]\n");

    List<JsonlLine> lines = all(f);

    assertThat(lines.get(1)).isInstanceOf(JsonlLine.Malformed.class);
    assertThat(lines.get(1).line()).isEqualTo(3);
  }

  @Test
  void aTruncatedArrayIsAnInputErrorNamingTheFileAndLine() throws Exception {
    Path f = Files.writeString(dir.resolve("cut.json"), TWO.substring(0, TWO.indexOf("\"Continue\"")));

    assertThatThrownBy(() -> all(f)).isInstanceOf(InputException.class).hasMessageContaining(f + ":");
  }

  @Test
  void textAfterTheClosingBracketIsAnInputError() throws Exception {
    Path f = Files.writeString(dir.resolve("two.json"), TWO + "[]\n");

    assertThatThrownBy(() -> all(f)).isInstanceOf(InputException.class)
        .hasMessageContaining(f + ":9").hasMessageContaining("after the closing ]");
  }
}
