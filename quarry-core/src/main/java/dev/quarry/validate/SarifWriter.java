package dev.quarry.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.Version;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run's findings as SARIF 2.1.0, streamed from the {@link FindingLog}. Each result's physical location
 * is the record's source file and line range relative to {@code %SRCROOT%} (where it came from in the mined
 * repository); a record without a source path (a malformed line) points at the input JSONL file and line. The
 * record id and the finding's location inside the record are the logical location; the input line is a related
 * location, relative to {@code QUARRY_INPUTS} (see {@link SarifBases}).
 *
 * <p>Each result has a {@code partialFingerprints} entry hashed from the rule, the physical location (path and
 * region), the validated file (not its line, which moves when records are added), the location inside the record
 * and the message, so distinct findings never share one (GitHub would merge their alerts) while the same finding
 * keeps it from run to run. Two records mined by different extractors from one function stay two alerts. Rules carry their help text
 * ({@link RuleHelp}).
 */
final class SarifWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String INPUTS = "QUARRY_INPUTS";
  static final String FINGERPRINT = "quarryFinding/v1";

  private SarifWriter() {}

  static void write(ValidationReport report, Path target, SarifBases bases) throws IOException {
    try (AtomicFile f = AtomicFile.create(target);
        JsonGenerator g = Json.mapper().getFactory().createGenerator(f.out())) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      Map<String, Integer> index = writeTool(g, report);
      writeBases(g, bases);
      g.writeArrayFieldStart("results");
      try {
        report.findings().forEach(e -> {
          try {
            writeResult(g, e, index, bases);
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
      Optional<RuleHelp> help = RuleHelp.of(r.id());
      g.writeObjectFieldStart("fullDescription");
      g.writeStringField("text", help.map(RuleHelp::full).orElse(r.description()));
      g.writeEndObject();
      g.writeObjectFieldStart("help");
      g.writeStringField("text", help.map(RuleHelp::markdown).orElse(r.description()));
      if (help.isPresent()) {
        g.writeStringField("markdown", help.get().markdown());
      }
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

  private static void writeBases(JsonGenerator g, SarifBases bases) throws IOException {
    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    g.writeObjectFieldStart("description");
    g.writeStringField("text", "The root of the repository the records were mined from");
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart(INPUTS);
    Path published = bases.publishedInputRoot();
    if (published.startsWith(bases.repoRoot())) {
      String rel = bases.repoRoot().relativize(published).toString().replace('\\', '/');
      g.writeStringField("uri", rel.isEmpty() ? "./" : encode(rel) + "/");
      g.writeStringField("uriBaseId", SRCROOT);
    }
    g.writeObjectFieldStart("description");
    g.writeStringField("text", "The folder holding the validated JSONL files (the quarry build output folder)");
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, JsonNode e, Map<String, Integer> index, SarifBases bases)
      throws IOException {
    String rule = e.path("rule").asText();
    g.writeStartObject();
    g.writeStringField("ruleId", rule);
    if (index.containsKey(rule)) {
      g.writeNumberField("ruleIndex", index.get(rule));
    }
    g.writeStringField("level", level(e.path("severity").asText()));
    String message = e.path("message").asText() + " [" + e.path("location").asText() + "]";
    g.writeObjectFieldStart("message");
    g.writeStringField("text", message);
    g.writeEndObject();
    boolean hasSource = e.hasNonNull("path");
    Artifact primary = hasSource ? new Artifact(SRCROOT, encode(e.path("path").asText().replace('\\', '/')))
        : input(e.path("input").asText(), bases);
    int first = hasSource ? e.path("first").asInt(0) : e.path("line").asInt(0);
    int last = hasSource ? e.path("last").asInt(0) : first;
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    physical(g, primary, first, last);
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
      physical(g, input(e.path("input").asText(), bases), e.path("line").asInt(0), e.path("line").asInt(0));
      g.writeObjectFieldStart("message");
      g.writeStringField("text", "the record in the validated JSONL file");
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT, fingerprint(rule, primary, first, last, input(e.path("input").asText(), bases),
        e.path("location").asText(), e.path("message").asText()));
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A file as SARIF names it: a base id (or none for an absolute URI) and a URI reference. */
  private record Artifact(String baseId, String uri) {}

  private static Artifact input(String file, SarifBases bases) {
    Path p = Path.of(file).toAbsolutePath().normalize();
    if (p.startsWith(bases.inputRoot())) {
      return new Artifact(INPUTS, encode(bases.inputRoot().relativize(p).toString().replace('\\', '/')));
    }
    if (p.startsWith(bases.repoRoot())) {
      return new Artifact(SRCROOT, encode(bases.repoRoot().relativize(p).toString().replace('\\', '/')));
    }
    return new Artifact(null, p.toUri().toString());
  }

  private static String fingerprint(String rule, Artifact where, int first, int last, Artifact input,
      String location, String message) {
    String key = String.join("\0", rule, String.valueOf(where.baseId()), where.uri(), first + ":" + last,
        String.valueOf(input.baseId()), input.uri(), location, message);
    return HexFormat.of().formatHex(Hashing.digest().digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
  }

  /** Percent-encodes what a relative URI reference cannot hold; keeps {@code /} and unreserved characters. */
  private static String encode(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static void physical(JsonGenerator g, Artifact where, int first, int last) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", where.uri());
    if (where.baseId() != null) {
      g.writeStringField("uriBaseId", where.baseId());
    }
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
