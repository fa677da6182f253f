package dev.quarry.dataset.combine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quarry.InputException;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.Json;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Parses one raw JSONL line with exactly the rules of {@link dev.quarry.io.JsonlReader} (BOM on line 1,
 * {@code \r\n}, blank lines skipped, NUL and invalid UTF-8 fatal, an unterminated last line that is not
 * JSON is a truncated file), so that combine can split a file into lines on one thread and parse them on
 * several. Thread-safe (stateless).
 */
final class LineParser {
  private LineParser() {}

  /** Where the record text starts: after a UTF-8 byte-order mark on line 1. */
  static int start(long lineNo, byte[] line) {
    boolean bom = lineNo == 1 && line.length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
        && (line[2] & 0xff) == 0xBF;
    return bom ? 3 : 0;
  }

  /** Where the record text ends: before a final {@code \r}. */
  static int end(int start, byte[] line) {
    int end = line.length;
    return end > start && line[end - 1] == '\r' ? end - 1 : end;
  }

  /** True when {@code line}, stripped as above, is byte for byte what the writer would write for {@code e}. */
  static boolean canonical(long lineNo, byte[] line, dev.quarry.model.Example e) {
    try {
      byte[] canon = Json.mapper().writeValueAsBytes(ExampleCodec.toJson(e));
      int start = start(lineNo, line);
      return java.util.Arrays.equals(canon, 0, canon.length, line, start, end(start, line));
    } catch (JsonProcessingException x) {
      return false;
    }
  }

  /**
   * @param line the bytes of the line without its {@code \n}
   * @param terminated false for a last line without a final newline
   * @return the parsed line, or null for a blank line
   * @throws InputException on a NUL byte, invalid UTF-8 or a truncated last line
   */
  static JsonlLine parse(Path file, long lineNo, byte[] line, boolean terminated) {
    int start = start(lineNo, line);
    int end = end(start, line);
    for (int i = start; i < end; i++) {
      if (line[i] == 0) {
        throw new InputException(file.toString(), lineNo, "NUL byte: this is a binary file, not JSONL",
            "pass a UTF-8 JSONL file");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(file.toString(), lineNo, "invalid UTF-8", "re-encode the file as UTF-8");
    }
    if (text.isBlank()) {
      return null;
    }
    return JsonlReader.parseLine(file, lineNo, text, terminated);
  }
}
