package dev.quarry.extract.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads schemas that swagger-parser left as relative file references (it does so for references nested in
 * files that operations were inlined from): reads the file, relative to the spec's folder and never outside the
 * repository, and follows the JSON pointer. Caches per spec; not thread-safe.
 */
final class ExternalSchemas {
  private final Path specDir;
  private final Path repoRoot;
  private final Map<String, Optional<Schema<?>>> cache = new HashMap<>();

  ExternalSchemas(Path specDir, Path repoRoot) {
    this.specDir = specDir.toAbsolutePath().normalize();
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** No external schemas: every lookup is empty. */
  static ExternalSchemas none() {
    return new ExternalSchemas(Path.of("/nonexistent"), Path.of("/nonexistent/none"));
  }

  /** Whether {@code ref} names a file rather than a place in the document. */
  static boolean isFileRef(String ref) {
    return !ref.startsWith("#") && !ref.contains("://");
  }

  /** The schema {@code ref} points to, when it is a readable file reference inside the repository. */
  Optional<Schema<?>> load(String ref) {
    if (!isFileRef(ref)) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(ref, this::read);
  }

  private Optional<Schema<?>> read(String ref) {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    Path file = specDir.resolve(target).normalize();
    if (!file.startsWith(repoRoot) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      JsonNode doc = SpecText.tree(Files.readString(file, StandardCharsets.UTF_8), SpecText.isJson(file.toString()));
      JsonNode n = fragment.isEmpty() ? doc : doc.at(JsonPointer.compile(fragment));
      if (n == null || n.isMissingNode() || !n.isObject()) {
        return Optional.empty();
      }
      JsonNode copy = n.deepCopy();
      SpecReader.rebase(copy, file, specDir);
      return Optional.of(io.swagger.v3.core.util.Json.mapper().convertValue(copy, Schema.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A type name for {@code ref}: the JSON pointer's last segment, else the file name without extension. */
  static String nameOf(String ref) {
    int hash = ref.indexOf('#');
    if (hash >= 0 && ref.length() > hash + 1) {
      String frag = ref.substring(hash + 1);
      return frag.substring(frag.lastIndexOf('/') + 1);
    }
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
