package dev.quarry.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Version;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code manifest.json} (SPEC §4): tool version, config hash, inputs, counts per stage and every output
 * file with its SHA-256, sorted by path. The only field that differs between two builds of the same inputs is
 * {@code created_at}; set {@code SOURCE_DATE_EPOCH} (seconds) to pin it too.
 */
final class Manifest {
  static final String FILE = "manifest.json";

  private Manifest() {}

  /**
   * Writes the manifest listing the files under {@code out} that {@code owned} accepts: the files this build
   * wrote or kept, never a file of the user's that merely lies in the folder.
   */
  static ObjectNode write(Path out, ObjectNode inputs, String configOrigin, String configHash, ObjectNode counts,
      java.util.function.Predicate<Path> owned) throws IOException {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("tool", "quarry");
    m.put("tool_version", Version.get());
    m.put("created_at", createdAt());
    m.putObject("config").put("path", configOrigin).put("hash", configHash);
    m.put("config_hash", configHash);
    m.set("inputs", inputs);
    m.set("counts", counts);
    ArrayNode files = m.putArray("files");
    for (Path p : outputs(out).stream().filter(owned).toList()) {
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
