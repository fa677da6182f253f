package dev.quarry.export.format.parquet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporter;
import dev.quarry.io.ExampleCodec;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import dev.quarry.model.Source;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Parquet in the layout the Hugging Face {@code datasets} library loads directly:
 * {@code data/<split>-00000-of-00001.parquet}. Columns, fixed whatever the input: {@code id},
 * {@code messages} (list of {@code {role, content}}; in a dataset with tool use also {@code tool_calls} and
 * {@code tool_call_id}, null on turns that do not use them, and {@code content} null on a turn that only calls), {@code category}, {@code language}, {@code source}
 * ({@code {extractor, repo, path, lines, symbol, commit}}) and {@code tags}; free-form {@code meta} and unknown
 * fields are not exported (Parquet needs one schema for every row).
 *
 * <p>How: each split is streamed once into a temporary JSONL file of exactly those fields, then DuckDB
 * (in-memory, one thread, insertion order kept) runs {@code COPY (SELECT … FROM read_json(…, columns=…)) TO …
 * (FORMAT parquet)} into a temporary file that is moved into place. Row-by-row JDBC inserts would be ≈ 50×
 * slower. With one thread and a pinned DuckDB version the bytes are reproducible; the file's
 * {@code created_by} metadata names the DuckDB version, nothing varies per run.
 */
public final class ParquetExporter implements Exporter {
  private static final String MESSAGES = "STRUCT(role VARCHAR, content VARCHAR)[]";
  private static final String TOOL_MESSAGES = "STRUCT(role VARCHAR, content VARCHAR, "
      + "tool_calls STRUCT(id VARCHAR, type VARCHAR, function STRUCT(name VARCHAR, arguments VARCHAR))[], "
      + "tool_call_id VARCHAR)[]";
  private static final String COLUMNS = "{id: 'VARCHAR', messages: '%s', "
      + "category: 'VARCHAR', language: 'VARCHAR', source: 'STRUCT(extractor VARCHAR, repo VARCHAR, path VARCHAR, "
      + "lines INTEGER[], symbol VARCHAR, \"commit\" VARCHAR)', tags: 'VARCHAR[]'}";

  @Override
  public String format() {
    return "parquet";
  }

  @Override
  public String description() {
    return "Parquet for Hugging Face datasets (data/<split>-00000-of-00001.parquet)";
  }

  /** The file of a split, relative to the export folder: {@code data/<split>-00000-of-00001.parquet}. */
  @Override
  public String fileOf(String split) {
    return "data/" + split + "-00000-of-00001.parquet";
  }

  @Override
  public void export(DatasetSplits in, Path out) throws IOException {
    Path data = out.resolve("data");
    Files.createDirectories(data);
    boolean tools = usesTools(in);
    for (Map.Entry<String, Path> split : in.all().entrySet()) {
      Path target = out.resolve(fileOf(split.getKey()));
      if (!Files.isRegularFile(split.getValue())) {
        Files.deleteIfExists(target);
        continue;
      }
      Path rows = Files.createTempFile(data, "." + split.getKey() + ".", ".jsonl");
      Path parquet = Files.createTempFile(data, "." + split.getKey() + ".", ".parquet");
      try {
        if (writeRows(split.getValue(), rows, tools) == 0) {
          Files.deleteIfExists(target);
          continue;
        }
        copy(rows, parquet, tools);
        move(parquet, target);
      } finally {
        Files.deleteIfExists(rows);
        Files.deleteIfExists(parquet);
      }
    }
  }

  /**
   * True when some record of some split calls tools: only then do the message structs get {@code tool_calls} and
   * {@code tool_call_id}, so a dataset without tool use keeps the plain schema (a null {@code tool_calls} key on
   * every message would trip chat templates that test for the key rather than its value).
   */
  private static boolean usesTools(DatasetSplits in) throws IOException {
    for (Path split : in.all().values()) {
      if (!Files.isRegularFile(split)) {
        continue;
      }
      try (Stream<Example> examples = JsonlReader.examples(split)) {
        if (examples.anyMatch(e -> e.messages().stream().anyMatch(m -> m.callsTools() || m.role() == Role.TOOL))) {
          return true;
        }
      }
    }
    return false;
  }

  private static long writeRows(Path input, Path rows, boolean tools) throws IOException {
    try (Stream<Example> examples = JsonlReader.examples(input); JsonlWriter w = JsonlWriter.open(rows)) {
      for (Iterator<Example> it = examples.iterator(); it.hasNext(); ) {
        w.write(row(it.next(), tools));
      }
      w.commit();
      return w.count();
    }
  }

  static ObjectNode row(Example e, boolean tools) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", e.id());
    ArrayNode ms = o.putArray("messages");
    for (Message m : e.messages()) {
      if (tools) {
        ExampleCodec.writeMessage(ms.addObject(), m);
      } else {
        ms.addObject().put("role", m.role().wire()).put("content", m.content());
      }
    }
    o.put("category", e.category()).put("language", e.language());
    Source s = e.source();
    ObjectNode src = o.putObject("source").put("extractor", s.extractor()).put("repo", s.repo()).put("path", s.path());
    if (s.lines() == null) {
      src.putNull("lines");
    } else {
      src.putArray("lines").add(s.lines().first()).add(s.lines().last());
    }
    src.put("symbol", s.symbol()).put("commit", s.commit());
    ArrayNode tags = o.putArray("tags");
    e.tags().forEach(tags::add);
    return o;
  }

  private static void copy(Path rows, Path parquet, boolean tools) throws IOException {
    String sql = "COPY (SELECT id, messages, category, language, source, tags FROM read_json(" + literal(rows)
        + ", format = 'newline_delimited', columns = " + String.format(COLUMNS, tools ? TOOL_MESSAGES : MESSAGES)
        + ")) TO " + literal(parquet)
        + " (FORMAT parquet, COMPRESSION zstd)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads = 1");
      st.execute("SET preserve_insertion_order = true");
      st.execute(sql);
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write " + parquet.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
