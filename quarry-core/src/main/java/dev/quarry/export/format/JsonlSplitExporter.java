package dev.quarry.export.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporter;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plumbing every JSONL exporter shares: stream each split, convert record by record, write
 * {@code <split>.jsonl} atomically, drop the file of an empty or missing split. Subclasses only say how one
 * record looks in their format, and may audit what they wrote.
 */
abstract class JsonlSplitExporter implements Exporter {
  /** Receives every written line of one export call, then finishes (e.g. writes a check report). */
  interface Audit {
    /** Sees one written line: its split, 1-based line number in the output file, the record and its JSON. */
    void line(String split, long line, Example source, ObjectNode written);

    /** Called once after every split was written. */
    void finish(Path out) throws IOException;
  }

  /**
   * The JSON object of one record in this format, or null when the format cannot express it (then the record
   * is left out of this format and listed in {@code skipped.json} with {@link #cannotExpress}).
   */
  abstract ObjectNode convert(Example e);

  /** Why {@link #convert} returned null for a record; only called then. */
  String cannotExpress(Example e) {
    return "this format cannot express the record";
  }

  /** A fresh audit for one export call; the default sees nothing. */
  Audit audit() {
    return new Audit() {
      @Override
      public void line(String split, long line, Example source, ObjectNode written) {}

      @Override
      public void finish(Path out) {}
    };
  }

  /**
   * The record in this format: an imported record whose content is unchanged since it was read in this same
   * format is written back as its original ({@code meta.original}), so import → export loses no field (a format
   * may restrict the keys it writes back, {@link #restoredKeys}); the id is added when this format writes ids
   * and the original had none.
   */
  final ObjectNode restoreOrConvert(Example e) {
    ObjectNode o = convert(e);
    if (o == null || !dev.quarry.io.RecordImport.unchangedImport(e, format())) {
      return o;
    }
    ObjectNode original = dev.quarry.io.RecordImport.original(e, o.has("id"));
    java.util.Set<String> keys = restoredKeys();
    if (keys != null) {
      original.retain(keys);
    }
    return original;
  }

  /** The top-level keys of an original record this format may write back; null for every key. */
  java.util.Set<String> restoredKeys() {
    return null;
  }

  @Override
  public void export(DatasetSplits in, Path out) throws IOException {
    Files.createDirectories(out);
    Audit audit = audit();
    com.fasterxml.jackson.databind.node.ArrayNode skipped =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (Map.Entry<String, Path> split : in.all().entrySet()) {
      Path target = out.resolve(split.getKey() + ".jsonl");
      if (!Files.isRegularFile(split.getValue())
          || writeSplit(split.getKey(), split.getValue(), target, audit, skipped) == 0) {
        Files.deleteIfExists(target);
      }
    }
    Path skippedFile = out.resolve("skipped.json");
    if (skipped.isEmpty()) {
      Files.deleteIfExists(skippedFile);
    } else {
      ObjectNode report = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      report.put("format", format()).put("skipped", skipped.size()).set("records", skipped);
      dev.quarry.io.AtomicFile.writeString(skippedFile,
          dev.quarry.io.Json.pretty().writeValueAsString(report) + "\n");
    }
    audit.finish(out);
  }

  private long writeSplit(String split, Path input, Path target, Audit audit,
      com.fasterxml.jackson.databind.node.ArrayNode skipped) throws IOException {
    long n = 0;
    try (Stream<Example> examples = JsonlReader.examples(input); JsonlWriter w = JsonlWriter.open(target)) {
      for (Iterator<Example> it = examples.iterator(); it.hasNext(); ) {
        Example e = it.next();
        ObjectNode o = restoreOrConvert(e);
        if (o == null) {
          skipped.addObject().put("split", split).put("id", e.id()).put("reason", cannotExpress(e));
          continue;
        }
        w.write(o);
        audit.line(split, ++n, e, o);
      }
      if (n > 0) {
        w.commit();
      }
    }
    return n;
  }
}
