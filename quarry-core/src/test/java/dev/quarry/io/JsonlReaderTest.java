package dev.quarry.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
  static final String GOOD = "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}],"
      + "\"category\":\"sdk\",\"language\":\"text\",\"source\":{\"extractor\":\"handcrafted\",\"path\":\"a.md\"}}";

  @TempDir
  Path dir;

  private Path file(byte[] bytes) throws IOException {
    Path p = dir.resolve("in.jsonl");
    Files.write(p, bytes);
    return p;
  }

  private Path file(String text) throws IOException {
    return file(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<JsonlLine> all(Path p) {
    try (Stream<JsonlLine> s = JsonlReader.read(p)) {
      return s.toList();
    }
  }

  @Test
  void readsRecordsAndNumbersLinesFromOne() throws IOException {
    List<JsonlLine> lines = all(file(GOOD + "\n" + GOOD + "\n"));
    assertThat(lines).hasSize(2).allMatch(l -> l instanceof JsonlLine.Parsed);
    assertThat(lines.get(1).line()).isEqualTo(2);
  }

  @Test
  void toleratesBomCrlfBlankLinesAndMissingFinalNewline() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (GOOD + "\r\n\r\n   \n" + GOOD).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    List<JsonlLine> lines = all(file(all));
    assertThat(lines).hasSize(2).allMatch(l -> l instanceof JsonlLine.Parsed);
    assertThat(lines.get(1).line()).isEqualTo(4);
  }

  @Test
  void invalidJsonInTheMiddleBecomesAMalformedLineWithRuleJson() throws IOException {
    List<JsonlLine> lines = all(file(GOOD + "\n{not json}\n" + GOOD + "\n"));
    assertThat(lines).hasSize(3);
    JsonlLine.Malformed m = (JsonlLine.Malformed) lines.get(1);
    assertThat(m.reason().rule()).isEqualTo("json");
    assertThat(m.reason().location()).isEqualTo("line:2");
    assertThat(m.original().get("raw").asText()).isEqualTo("{not json}");
  }

  @Test
  void recordBreakingARuleBecomesAMalformedLineKeepingTheOriginalObject() throws IOException {
    String bad = GOOD.replace("\"role\":\"user\"", "\"role\":\"assistant\"");
    List<JsonlLine> lines = all(file(bad + "\n"));
    JsonlLine.Malformed m = (JsonlLine.Malformed) lines.get(0);
    assertThat(m.reason().rule()).isEqualTo("schema");
    assertThat(m.reason().message()).contains("messages[0] is assistant");
    assertThat(m.original().get("category").asText()).isEqualTo("sdk");
  }

  @Test
  void truncatedLastLineIsAnInputErrorNamingFileAndLine() throws IOException {
    Path p = file(GOOD + "\n" + GOOD.substring(0, 40));
    assertThatThrownBy(() -> all(p)).isInstanceOf(InputException.class)
        .hasMessage(p + ":2: file ends inside a record (truncated?) (re-create the file; an interrupted copy or download leaves a partial last line)");
  }

  @Test
  void invalidUtf8IsAnInputErrorNamingTheLine() throws IOException {
    byte[] bad = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bad.length * 2];
    System.arraycopy(bad, 0, all, 0, bad.length);
    System.arraycopy(bad, 0, all, bad.length, bad.length);
    all[bad.length + 40] = (byte) 0xC3;
    all[bad.length + 41] = (byte) 0x28;
    Path p = file(all);
    assertThatThrownBy(() -> all(p)).isInstanceOf(InputException.class).hasMessageStartingWith(p + ":2: invalid UTF-8");
  }

  @Test
  void binaryFileIsAnInputError() throws IOException {
    Path p = file(new byte[] {'{', 0, 1, 2, '\n'});
    assertThatThrownBy(() -> all(p)).isInstanceOf(InputException.class).hasMessageContaining(":1: NUL byte");
  }

  @Test
  void lineOverTheLimitIsAnInputErrorWithoutReadingItWhole() throws IOException {
    Path p = file(GOOD + "\n" + "x".repeat(10 << 20) + "\n");
    try (Stream<JsonlLine> s = JsonlReader.read(p, 1 << 20)) {
      assertThatThrownBy(s::toList).isInstanceOf(InputException.class).hasMessageContaining(":2: line is longer than 1048576 bytes");
    }
  }

  @Test
  void tenMegabyteRecordLineIsReadWithTheDefaultLimit() throws IOException {
    String big = GOOD.replace("\"content\":\"a\"", "\"content\":\"" + "a".repeat(10 << 20) + "\"");
    List<JsonlLine> lines = all(file(big + "\n"));
    assertThat(lines).singleElement().isInstanceOf(JsonlLine.Parsed.class);
  }

  @Test
  void missingFileIsAnInputError() {
    Path p = dir.resolve("nope.jsonl");
    assertThatThrownBy(() -> JsonlReader.read(p)).isInstanceOf(InputException.class).hasMessage(p + ": no such file (check the path)");
  }

  @Test
  void duplicateKeysAreMalformed() throws IOException {
    List<JsonlLine> lines = all(file(GOOD.replace("{\"messages\"", "{\"category\":\"x\",\"messages\"") + "\n"));
    assertThat(lines.get(0)).isInstanceOf(JsonlLine.Malformed.class);
  }
}
