package dev.quarry.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.model.RecordException;
import dev.quarry.model.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the records of a JSONL file, one line at a time; memory is bounded by the longest line. A file whose
 * first character is {@code [} is read as a JSON array of records instead (the {@code .json} files LLaMA-Factory
 * and many public datasets ship), one element at a time ({@link JsonArrayRecords}).
 *
 * <p>Tolerated: a UTF-8 byte-order mark at the start, {@code \r\n} line ends, blank lines (skipped, they are
 * not records), a missing final newline. A line that is not a JSON object or breaks a record rule becomes a
 * {@link JsonlLine.Malformed} (rule {@code json} or {@code schema}) so a stage can put it in its rejects file.
 * Fatal, as {@link InputException} naming file and line: a missing file, invalid UTF-8, a NUL byte (binary
 * file), a line over the size limit, and a last line cut off mid-record (a truncated file).
 */
public final class JsonlReader {
  /** Default limit on one line, in bytes. Records are chat examples; 16 MiB is far past any sane one. */
  public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

  private JsonlReader() {}

  /** Streams every record line of {@code file}; close the stream to close the file. */
  public static Stream<JsonlLine> read(Path file) {
    return read(file, DEFAULT_MAX_LINE_BYTES);
  }

  /** As {@link #read(Path)} with another line limit. */
  public static Stream<JsonlLine> read(Path file, int maxLineBytes) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "no such file", "check the path");
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open: " + e.getMessage(), "check the path and permissions");
    }
    if (isJsonArray(file)) {
      return JsonArrayRecords.read(file, in);
    }
    LineSpliterator sp = new LineSpliterator(file, in, maxLineBytes);
    return StreamSupport.stream(sp, false).onClose(sp::close);
  }

  /**
   * Whether {@code file} holds one JSON array of records rather than JSONL ({@link #read} reads both; readers
   * that split lines themselves do not).
   */
  public static boolean isJsonArray(Path file) {
    return JsonArrayRecords.startsWithArray(file);
  }

  /** Streams only the valid examples of {@code file}; a malformed line is an {@link InputException}. */
  public static Stream<dev.quarry.model.Example> examples(Path file) {
    return read(file).map(l -> {
      if (l instanceof JsonlLine.Malformed m) {
        throw new InputException(file.toString(), m.line(), m.reason().message(),
            "fix the record, or run quarry validate to move bad records to a rejects file");
      }
      return ((JsonlLine.Parsed) l).example();
    });
  }

  /**
   * Parses one decoded, non-blank line by the rules of this reader, for callers that split lines themselves
   * (e.g. to parse on several threads).
   *
   * @param file the file, for messages
   * @param lineNo its 1-based line number
   * @param text the line without its line end
   * @param terminated whether a line end followed it; an unterminated line that is not JSON means truncation
   * @throws InputException when the line is the cut-off end of a truncated file
   */
  public static JsonlLine parseLine(Path file, long lineNo, String text, boolean terminated) {
    return parseLine(file, lineNo, text, terminated, new InputFormat[1]);
  }

  /**
   * As {@link #parseLine(Path, long, String, boolean)}, for the lines of one file in order: {@code fileFormat[0]}
   * holds the file's format, set from its first record (see {@link InputFormat}); a later record of another
   * family is fatal.
   */
  static JsonlLine parseLine(Path file, long lineNo, String text, boolean terminated, InputFormat[] fileFormat) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      if (!terminated) {
        throw new InputException(file.toString(), lineNo, "file ends inside a record (truncated?)",
            "re-create the file; an interrupted copy or download leaves a partial last line");
      }
      String why = e.getOriginalMessage().lines().findFirst().orElse("invalid JSON");
      ObjectNode raw = JsonNodeFactory.instance.objectNode().put("raw", text);
      return new JsonlLine.Malformed(lineNo, raw, Rejection.error("json", "not valid JSON: " + why, "line:" + lineNo));
    }
    return parseNode(file, lineNo, node, fileFormat);
  }

  /** As {@link #parseLine(Path, long, String, boolean, InputFormat[])} for a record already parsed as JSON. */
  static JsonlLine parseNode(Path file, long lineNo, JsonNode node, InputFormat[] fileFormat) {
    try {
      node = RecordImport.toQuarry(node, format(file, lineNo, node, fileFormat), file, lineNo);
      return new JsonlLine.Parsed(lineNo, ExampleCodec.fromJson(node));
    } catch (RecordException e) {
      JsonNode original = node.isObject() ? node : JsonNodeFactory.instance.objectNode().set("raw", node);
      if (node.isObject() && InputFormat.detect(node).isEmpty() && !node.has("messages")) {
        return new JsonlLine.Malformed(lineNo, original, Rejection.error("schema", "cannot detect the record "
            + "format: the record has no messages, conversations or instruction key (pass --input-format "
            + "quarry|openai|sharegpt|alpaca, or fix the record)", "line:" + lineNo));
      }
      return new JsonlLine.Malformed(lineNo, original,
          Rejection.error("schema", e.getMessage() + " (" + e.fix() + ")", "line:" + lineNo));
    }
  }

  /** The format to read {@code node} as: forced, else detected, checked against the file's. */
  private static InputFormat format(Path file, long lineNo, JsonNode node, InputFormat[] fileFormat) {
    InputFormat forced = RecordImport.forced();
    if (forced != InputFormat.AUTO) {
      return forced;
    }
    java.util.Optional<InputFormat> detected = InputFormat.detect(node);
    InputFormat first = fileFormat[0];
    if (detected.isEmpty()) {
      // no format key at all: read as a Quarry record, so the schema rule rejects it with its line and nothing
      // is lost (a fatal error here would stop validate on one bad record)
      return first == null ? InputFormat.QUARRY : first;
    }
    if (first == null) {
      fileFormat[0] = detected.get();
    } else if (!first.sameFamily(detected.get())) {
      throw new InputException(file.toString(), lineNo, "this record is " + detected.get().wire() + " but the file's "
          + "first record is " + first.wire() + ": a file mixes formats", "keep one format per file, e.g. convert "
          + "each part with quarry import");
    }
    return detected.get();
  }

  private static final class LineSpliterator extends Spliterators.AbstractSpliterator<JsonlLine> {
    private final Path file;
    private final InputStream in;
    private final int max;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] buf = new byte[8192];
    private long lineNo;
    private boolean eof;
    private final InputFormat[] fileFormat = new InputFormat[1];

    LineSpliterator(Path file, InputStream in, int max) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.file = file;
      this.in = in;
      this.max = max;
    }

    @Override
    public boolean tryAdvance(Consumer<? super JsonlLine> action) {
      try {
        while (!eof) {
          int len = readLine();
          if (len < 0) {
            return false;
          }
          lineNo++;
          boolean terminated = !eof;
          int start = 0;
          if (lineNo == 1 && len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            start = 3;
          }
          int end = len;
          if (end > start && buf[end - 1] == '\r') {
            end--;
          }
          String text = decode(start, end);
          if (text.isBlank()) {
            continue;
          }
          action.accept(parseLine(file, lineNo, text, terminated, fileFormat));
          return true;
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Reads the next line into buf without its \n; returns its length, or -1 at end of file. */
    private int readLine() throws IOException {
      int len = 0;
      boolean any = false;
      while (true) {
        if (pos == limit) {
          limit = in.read(chunk, 0, chunk.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            eof = true;
            return any ? len : -1;
          }
        }
        any = true;
        int i = pos;
        while (i < limit && chunk[i] != '\n') {
          if (chunk[i] == 0) {
            throw new InputException(file.toString(), lineNo + 1, "NUL byte: this is a binary file, not JSONL",
                "pass a UTF-8 JSONL file");
          }
          i++;
        }
        int n = i - pos;
        if ((long) len + n > max) {
          throw new InputException(file.toString(), lineNo + 1, "line is longer than " + max + " bytes",
              "split the record; a chat example this long cannot be trained on");
        }
        if (len + n > buf.length) {
          buf = java.util.Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, len + n), max));
        }
        System.arraycopy(chunk, pos, buf, len, n);
        len += n;
        if (i < limit) {
          pos = i + 1;
          return len;
        }
        pos = limit;
      }
    }

    private String decode(int start, int end) {
      try {
        CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(buf, start, end - start));
        return cb.toString();
      } catch (CharacterCodingException e) {
        throw new InputException(file.toString(), lineNo, "invalid UTF-8", "re-encode the file as UTF-8");
      }
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
