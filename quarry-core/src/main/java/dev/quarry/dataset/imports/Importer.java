package dev.quarry.dataset.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.InputException;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code quarry import}: converts record files of any accepted format ({@link dev.quarry.io.InputFormat}) into
 * Quarry records, streaming line by line. A record that cannot be converted stops the import naming its file
 * and line, since a silently dropped record is what importing must never do.
 */
public final class Importer {
  /**
   * What an import did.
   *
   * @param in records read
   * @param formats records per input format ({@code meta.input_format}, {@code quarry} for native records)
   * @param uncategorized records no category rule matched
   */
  public record Report(long in, Map<String, Long> formats, long uncategorized) {
    public Report {
      formats = Map.copyOf(formats);
    }

    /** The report as JSON, formats sorted by name. */
    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("in", in);
      ObjectNode f = o.putObject("formats");
      new TreeMap<>(formats).forEach(f::put);
      return o.put("uncategorized", uncategorized);
    }
  }

  private Importer() {}

  /** Converts every record of {@code inputs}, in order, into {@code out}. */
  public static Report run(List<Path> inputs, Path out) throws IOException {
    long n = 0;
    long uncategorized = 0;
    Map<String, Long> formats = new TreeMap<>();
    try (JsonlWriter w = JsonlWriter.open(out)) {
      for (Path in : inputs) {
        try (Stream<JsonlLine> lines = JsonlReader.read(in)) {
          for (Iterator<JsonlLine> it = lines.iterator(); it.hasNext(); ) {
            JsonlLine l = it.next();
            if (l instanceof JsonlLine.Malformed m) {
              throw new InputException(in.toString(), m.line(), m.reason().message(),
                  "fix the record, or run quarry validate on the file to see every bad record");
            }
            var e = ((JsonlLine.Parsed) l).example();
            formats.merge(e.meta().path("input_format").asText("quarry"), 1L, Long::sum);
            if (e.category().equals(dev.quarry.io.RecordImport.UNCATEGORIZED)) {
              uncategorized++;
            }
            w.write(ExampleCodec.toJson(e));
            n++;
          }
        }
      }
      w.commit();
    }
    return new Report(n, formats, uncategorized);
  }
}
