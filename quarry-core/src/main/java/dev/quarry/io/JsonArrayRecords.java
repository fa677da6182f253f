package dev.quarry.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.quarry.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the records of a file holding one JSON array of records ({@code [{...}, {...}]}), the form
 * LLaMA-Factory's {@code data/*.json} and many public SFT sets use, one element at a time; memory is bounded
 * by the largest record. Each element is converted by the rules of {@link JsonlReader} (format detected from
 * the first, import provenance) with the line its {@code {} is on as its line. Fatal, as {@link InputException}
 * naming file and line: JSON that does not parse (an array cannot be resynchronised after a syntax error) and
 * anything after the closing {@code ]}.
 */
final class JsonArrayRecords {
  // One element at a time: the rest of the array follows each, which the shared mapper would reject.
  private static final ObjectReader ELEMENT = Json.mapper().reader()
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArrayRecords() {}

  /** Whether the first character of {@code file} that is not whitespace or a byte-order mark is {@code [}. */
  static boolean startsWithArray(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      for (int i = 0; i < head.length; i++) {
        int b = head[i] & 0xff;
        boolean bom = i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
        if (!bom && !Character.isWhitespace(b)) {
          return b == '[';
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The records of the array in {@code file}, read from {@code in}; closing the stream closes {@code in}. */
  static Stream<JsonlLine> read(Path file, InputStream in) {
    JsonParser parser;
    try {
      parser = Json.mapper().createParser(in);
      parser.nextToken();
    } catch (IOException e) {
      closeQuietly(in);
      throw new InputException(file.toString(), 1, "not valid JSON: " + firstLine(e), "fix the file");
    }
    Elements sp = new Elements(file, parser);
    return StreamSupport.stream(sp, false).onClose(sp::close);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the parse error is what the user needs to see
    }
  }

  private static String firstLine(IOException e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? "invalid JSON" : m.lines().findFirst().orElse("invalid JSON");
  }

  private static final class Elements extends Spliterators.AbstractSpliterator<JsonlLine> {
    private final Path file;
    private final JsonParser parser;
    private final InputFormat[] fileFormat = new InputFormat[1];
    private boolean done;

    Elements(Path file, JsonParser parser) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.file = file;
      this.parser = parser;
    }

    @Override
    public boolean tryAdvance(Consumer<? super JsonlLine> action) {
      if (done) {
        return false;
      }
      long line = parser.currentLocation().getLineNr();
      try {
        JsonToken t = parser.nextToken();
        line = parser.currentTokenLocation().getLineNr();
        if (t == null) {
          throw new InputException(file.toString(), line, "file ends inside the JSON array (truncated?)",
              "re-create the file; an interrupted copy or download leaves it cut off");
        }
        if (t == JsonToken.END_ARRAY) {
          done = true;
          if (parser.nextToken() != null) {
            throw new InputException(file.toString(), parser.currentTokenLocation().getLineNr(),
                "text after the closing ] of the JSON array", "keep one array per file, or write JSONL");
          }
          return false;
        }
        JsonNode node = ELEMENT.readTree(parser);
        action.accept(JsonlReader.parseNode(file, line, node, fileFormat));
        return true;
      } catch (JsonProcessingException e) {
        throw new InputException(file.toString(), line, "not valid JSON: " + firstLine(e),
            "fix the file; a JSON array cannot be read past a syntax error");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
