package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Version;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code manifest.json} (SPEC §4): tool version, config hash, inputs, counts per stage and every output
 * file with its SHA-256, sorted by path. The only field that differs between two builds of the same inputs is
 * {@code created_at}; set {@code SOURCE_DATE_EPOCH} (seconds) to pin it too. The manifest is also the
 * record of ownership: a later build replaces or deletes only files it lists (with their SHA-256), never any
 * other file in the folder. {@link #verify} checks a folder against it.
 */
public final class Manifest {
  static final String FILE = "manifest.json";

  private Manifest() {}

  /** Whether {@code file} is a manifest a Quarry build wrote. */
  static boolean isQuarryManifest(Path file) {
    return read(file).isPresent();
  }

  /**
   * The files the manifest in {@code out} lists, path to SHA-256, sorted; empty without a Quarry manifest.
   * These are the only files a later build may replace or delete.
   */
  static Map<String, String> files(Path out) {
    Map<String, String> files = new TreeMap<>();
    read(out.resolve(FILE)).ifPresent(m -> m.path("files").forEach(f -> {
      if (f.path("path").isTextual() && f.path("sha256").isTextual()) {
        files.put(f.get("path").asText(), f.get("sha256").asText());
      }
    }));
    return files;
  }

  /**
   * Checks a build folder against its manifest: every listed file present with its SHA-256, and no swap
   * left half done.
   *
   * @return one line per mismatch, sorted by path; empty when the folder matches its manifest
   */
  public static List<String> verify(Path out) throws IOException {
    List<String> problems = new ArrayList<>();
    if (Files.exists(out.resolve(Journal.FILE))) {
      problems.add(Journal.FILE + ": a build was interrupted while moving its files in (any quarry build into "
          + "this folder completes it)");
    }
    if (read(out.resolve(FILE)).isEmpty()) {
      problems.add(FILE + ": missing or not a Quarry manifest");
      return problems;
    }
    for (Map.Entry<String, String> f : files(out).entrySet()) {
      Path p = out.resolve(f.getKey());
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(f.getKey() + ": listed in the manifest but missing");
      } else if (!Hashing.sha256(p).equals(f.getValue())) {
        problems.add(f.getKey() + ": SHA-256 differs from the manifest");
      }
    }
    return problems;
  }

  private static Optional<JsonNode> read(Path file) {
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        JsonNode n = Json.mapper().readTree(file.toFile());
        if (n != null && "quarry".equals(n.path("tool").asText()) && n.path("files").isArray()) {
          return Optional.of(n);
        }
      }
    } catch (IOException e) {
      // Not a manifest Quarry can read: owns nothing.
    }
    return Optional.empty();
  }

  static ObjectNode write(Path out, ObjectNode inputs, String configOrigin, String configHash, ObjectNode counts,
      String stopped) throws IOException {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("tool", "quarry");
    m.put("tool_version", Version.get());
    m.put("created_at", createdAt());
    m.putObject("config").put("path", configOrigin).put("hash", configHash);
    m.put("config_hash", configHash);
    m.set("inputs", inputs);
    m.set("counts", counts);
    if (stopped != null) {
      m.put("stopped", stopped);
    }
    ArrayNode files = m.putArray("files");
    for (Path p : outputs(out)) {
      files.addObject()
          .put("path", out.relativize(p).toString().replace('\\', '/'))
          .put("sha256", Hashing.sha256(p))
          .put("bytes", Files.size(p));
    }
    AtomicFile.writeString(out.resolve(FILE), Json.pretty().writeValueAsString(m) + "\n");
    return m;
  }

  /**
   * Every regular file under {@code out} but the manifest, temporary files and the resume state (which is
   * written after the manifest), sorted by relative path.
   */
  static List<Path> outputs(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(FILE) || !p.getParent().equals(out))
          .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
          .filter(p -> !p.equals(out.resolve(BuildState.FILE)))
          .sorted((a, b) -> out.relativize(a).toString().replace('\\', '/')
              .compareTo(out.relativize(b).toString().replace('\\', '/')))
          .toList();
    }
  }

  private static String createdAt() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
    }
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
