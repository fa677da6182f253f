package dev.quarry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an adapter's training data came from: the {@code manifest.json} of the {@code quarry build} that made
 * the dataset.
 *
 * @param manifestPath the manifest, absolute
 * @param manifestSha256 SHA-256 of the manifest's bytes
 * @param toolVersion {@code tool_version}, or empty when absent
 * @param configHash {@code config_hash}, or empty when absent
 * @param files dataset files to their SHA-256, sorted by path
 */
public record Lineage(String manifestPath, String manifestSha256, String toolVersion, String configHash,
    Map<String, String> files) {
  /** Copies the map into a sorted one. */
  public Lineage {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /**
   * Reads a build manifest. Lenient: only the fields named above are used, and each may be missing.
   * {@code files} may be an object of path to hash (or to an object with {@code sha256}) or an array of
   * objects with {@code path} and {@code sha256}.
   *
   * @throws dev.quarry.InputException when the file is missing or not a JSON object
   */
  public static Lineage read(Path manifest) {
    JsonFiles.Hashed h = JsonFiles.read(manifest, "dataset manifest",
        "pass the manifest.json that quarry build wrote into its output folder");
    JsonNode n = h.json();
    Map<String, String> files = new TreeMap<>();
    JsonNode f = n.path("files");
    if (f.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        files.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("sha256").asText(""));
      }
    } else if (f.isArray()) {
      for (JsonNode e : f) {
        String path = e.path("path").asText(e.path("file").asText(""));
        if (!path.isEmpty()) {
          files.put(path, e.path("sha256").asText(""));
        }
      }
    }
    return new Lineage(manifest.toAbsolutePath().normalize().toString(), h.sha256(),
        n.path("tool_version").asText(""), n.path("config_hash").asText(""), files);
  }
}
