package dev.quarry.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.Version;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a run's findings as SARIF 2.1.0, streamed from the {@link FindingLog}. Each result's physical location
 * is the record's source file and line range (where it came from in the mined repository); a record without a
 * source path (a malformed line) points at the input JSONL file and line. The record id and the finding's
 * location inside the record are the logical location; the input line is a related location.
 */
final class SarifWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifWriter() {}

  static void write(ValidationReport report, Path target) throws IOException {
    try (AtomicFile f = AtomicFile.create(target);
        JsonGenerator g = Json.mapper().getFactory().createGenerator(f.out())) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      Map<String, Integer> index = writeTool(g, report);
      g.writeArrayFieldStart("results");
      try {
        report.findings().forEach(e -> {
          try {
            writeResult(g, e, index);
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
        });
      } catch (UncheckedIOException x) {
        throw x.getCause();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      f.out().write('\n');
      f.commit();
    }
  }

  private static Map<String, Integer> writeTool(JsonGenerator g, ValidationReport report) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "quarry");
    g.writeStringField("version", Version.get());
    g.writeStringField("semanticVersion", Version.get());
    g.writeArrayFieldStart("rules");
    for (RuleStats r : report.rules()) {
      index.put(r.id(), index.size());
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("name", r.id());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", r.description());
      g.writeEndObject();
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeBooleanField("enabled", !r.severity().equals("off"));
      g.writeStringField("level", level(r.severity()));
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    return index;
  }

  private static void writeResult(JsonGenerator g, JsonNode e, Map<String, Integer> index) throws IOException {
    String rule = e.path("rule").asText();
    g.writeStartObject();
    g.writeStringField("ruleId", rule);
    if (index.containsKey(rule)) {
      g.writeNumberField("ruleIndex", index.get(rule));
    }
    g.writeStringField("level", level(e.path("severity").asText()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", e.path("message").asText() + " [" + e.path("location").asText() + "]");
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    boolean hasSource = e.hasNonNull("path");
    if (hasSource) {
      physical(g, e.path("path").asText(), e.path("first").asInt(0), e.path("last").asInt(0));
    } else {
      physical(g, e.path("input").asText(), e.path("line").asInt(0), e.path("line").asInt(0));
    }
    g.writeArrayFieldStart("logicalLocations");
    g.writeStartObject();
    String id = e.path("id").asText();
    g.writeStringField("name", e.path("location").asText());
    g.writeStringField("fullyQualifiedName", id.isEmpty() ? e.path("location").asText()
        : id + "/" + e.path("location").asText());
    g.writeStringField("kind", "object");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    if (hasSource) {
      g.writeArrayFieldStart("relatedLocations");
      g.writeStartObject();
      g.writeNumberField("id", 0);
      physical(g, e.path("input").asText(), e.path("line").asInt(0), e.path("line").asInt(0));
      g.writeObjectFieldStart("message");
      g.writeStringField("text", "the record in the validated JSONL file");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    if (!id.isEmpty()) {
      g.writeObjectFieldStart("partialFingerprints");
      g.writeStringField("quarryRecord/v1", id + "/" + rule + "/" + e.path("location").asText());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void physical(JsonGenerator g, String uri, int first, int last) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri.replace('\\', '/'));
    g.writeEndObject();
    if (first > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", first);
      g.writeNumberField("endLine", Math.max(first, last));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static String level(String severity) {
    switch (severity) {
      case "error":
        return "error";
      case "warning":
        return "warning";
      case "info":
        return "note";
      default:
        return "none";
    }
  }
}
