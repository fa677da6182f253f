package dev.quarry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code sources:} in quarry.yaml (issue 15): a repository folder or a record file (JSONL of any
 * accepted format) that a multi-source build reads.
 *
 * <pre>
 * sources:
 *   - path: ../backend                 # relative to the quarry.yaml
 *     name: backend                    # optional; default: the folder or file name
 *     exclude: ["legacy/**"]           # optional; added to every extractor's exclude
 *     extractors: {openapi: {client_language: typescript}}   # optional overrides for this source only
 *   - ../mcp-server                    # a plain path is a source with defaults
 * </pre>
 *
 * @param path the path as written, resolved against the configuration file's folder
 * @param name the name records and the manifest use, or null for the default
 * @param exclude globs added to every extractor's {@code exclude}
 * @param extractors {@code extractors:} overrides merged over the configuration's, for this source
 */
public record SourceSpec(Path path, String name, List<String> exclude, ObjectNode extractors) {
  private static final Set<String> KEYS = Set.of("path", "name", "exclude", "extractors");

  /** Copies. */
  public SourceSpec {
    exclude = List.copyOf(exclude);
    extractors = extractors == null ? JsonNodeFactory.instance.objectNode() : extractors.deepCopy();
  }

  /** A source with no options. */
  public static SourceSpec of(Path path) {
    return new SourceSpec(path, null, List.of(), null);
  }

  /**
   * The {@code sources:} of {@code config}'s file, in order; empty when it has none or came from no file.
   *
   * @throws ConfigException when an entry is not a path or a map of {@code path}, {@code name}, {@code exclude},
   *     {@code extractors}
   */
  public static List<SourceSpec> read(QuarryConfig config) {
    if (config.origin() == null) {
      return List.of();
    }
    Path file = Path.of(config.origin());
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(config.origin(), 0, "cannot read: " + e.getMessage(), "check the file");
    }
    JsonNode sources = tree == null ? null : tree.get("sources");
    if (sources == null || sources.isNull()) {
      return List.of();
    }
    if (!sources.isArray()) {
      throw new ConfigException(config.origin(), 0, "sources must be a list", "write sources: as a list of paths "
          + "or of {path: …, name: …} entries");
    }
    Path base = file.toAbsolutePath().getParent();
    List<SourceSpec> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonNode s = sources.get(i);
      if (s.isTextual()) {
        out.add(of(base.resolve(s.asText()).normalize()));
        continue;
      }
      if (!s.isObject() || !s.path("path").isTextual()) {
        throw new ConfigException(config.origin(), 0, "sources[" + i + "] has no path",
            "give each source as a path or as {path: …, name: …}");
      }
      for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!KEYS.contains(k)) {
          throw new ConfigException(config.origin(), 0, "sources[" + i + "]." + k + " is not a source key",
              "use " + NearestKey.of(k, KEYS).map(n -> "\"" + n + "\" or ").orElse("") + "path, name, exclude, extractors");
        }
      }
      List<String> exclude = new ArrayList<>();
      s.path("exclude").forEach(x -> exclude.add(x.asText()));
      JsonNode ex = s.get("extractors");
      if (ex != null && !ex.isNull() && !ex.isObject()) {
        throw new ConfigException(config.origin(), 0, "sources[" + i + "].extractors must be a map",
            "write extractors: {openapi: {…}} as under the top-level extractors:");
      }
      out.add(new SourceSpec(base.resolve(s.get("path").asText()).normalize(),
          s.path("name").isTextual() ? s.get("name").asText() : null, exclude,
          ex instanceof ObjectNode o ? o : null));
    }
    return out;
  }

  /**
   * The configuration this source is extracted with: {@code base} with this source's extractor overrides and
   * excludes merged in; {@code base} itself when there are none.
   */
  public QuarryConfig configOver(QuarryConfig base) {
    if (exclude.isEmpty() && extractors.isEmpty()) {
      return base;
    }
    ObjectNode tree;
    try {
      String text = base.origin() == null ? "" : Files.readString(Path.of(base.origin()));
      JsonNode t = text.isBlank() ? null : new YAMLMapper().readTree(text);
      tree = t instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      throw new ConfigException(base.origin(), 0, "cannot read: " + e.getMessage(), "check the file");
    }
    tree.remove("sources");
    ObjectNode ex = tree.with("extractors");
    for (Iterator<String> it = extractors.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      ObjectNode target = ex.with(id);
      extractors.get(id).fields().forEachRemaining(f -> target.set(f.getKey(), f.getValue()));
    }
    if (!exclude.isEmpty()) {
      for (String id : ConfigSchema.EXTRACTORS) {
        ObjectNode target = ex.with(id);
        com.fasterxml.jackson.databind.node.ArrayNode list = target.withArray("exclude");
        exclude.forEach(list::add);
      }
    }
    String name = (base.origin() == null ? "quarry.yaml" : base.origin()) + " (source " + path.getFileName() + ")";
    return ConfigLoader.parse(name, tree.toString());
  }
}
