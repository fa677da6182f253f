package dev.quarry.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import dev.quarry.model.Source;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Every finding of a run, spilled to a temporary JSONL file as the run goes so that memory does not grow
 * with the dataset; read back to write the SARIF report. Each entry holds the finding, the record id, the
 * input file and line, and the record's source path and lines. The file is deleted when the JVM exits.
 */
public final class FindingLog {
  private final Path file;
  private BufferedWriter out;
  private long size;

  private FindingLog(Path file) throws IOException {
    this.file = file;
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  static FindingLog create() throws IOException {
    Path f = Files.createTempFile("quarry-findings-", ".jsonl");
    f.toFile().deleteOnExit();
    return new FindingLog(f);
  }

  void add(Finding f, String recordId, String input, long line, Source source) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("rule", f.rule()).put("severity", f.severity().wire()).put("message", f.message())
        .put("location", f.location()).put("id", recordId).put("input", input).put("line", line);
    if (source != null) {
      o.put("path", source.path());
      if (source.lines() != null) {
        o.put("first", source.lines().first()).put("last", source.lines().last());
      }
    }
    try {
      out.write(Json.mapper().writeValueAsString(o));
      out.write('\n');
      size++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void finish() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  void discard() {
    try {
      finish();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  /** Entries logged. */
  public long size() {
    return size;
  }

  /** Reads every entry back, in the order logged. */
  void forEach(Consumer<JsonNode> action) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String l;
      while ((l = r.readLine()) != null) {
        action.accept(Json.mapper().readTree(l));
      }
    }
  }
}
