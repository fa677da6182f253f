package dev.quarry.extract.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quarry.io.Json;
import dev.quarry.model.LineRange;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one spec file: lists its operations from the raw document (so none can go missing unnoticed), inlines
 * {@code $ref}s placed directly on path items and operations (which OpenAPI 3.0 does not allow but real specs
 * use, and which swagger-parser would turn into empty operations), then parses it with swagger-parser.
 * References never leave the repository and never go to the network.
 */
final class SpecReader {
  /** One operation as written in the raw document: {@code method} is upper case. */
  record Candidate(String path, String method) {
    String key() {
      return method + " " + path;
    }
  }

  /**
   * The result of reading a spec.
   *
   * @param version e.g. {@code openapi-3.0.3} or {@code swagger-2.0}
   * @param candidates every operation of the raw document, in document order
   * @param unresolved candidates whose {@code $ref} could not be inlined, with the reason, by key
   * @param api the parsed model, or null when swagger-parser gave none
   * @param messages swagger-parser's messages
   * @param lines where each operation is written, by key
   * @param external schemas swagger-parser left as file references
   */
  record Result(String version, List<Candidate> candidates, Map<String, String> unresolved, OpenAPI api,
      List<String> messages, Map<String, LineRange> lines, ExternalSchemas external) {}

  private final Path repoRoot;

  SpecReader(Path repoRoot) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** Reads the spec at {@code file} whose text is {@code text}. */
  Result read(Path file, String text) throws IOException {
    boolean json = SpecText.isJson(file.toString());
    JsonNode root = SpecText.tree(text, json);
    if (root == null || !root.isObject()) {
      throw new IOException("the document is not a mapping");
    }
    String version = root.has("openapi") ? "openapi-" + root.get("openapi").asText()
        : "swagger-" + root.path("swagger").asText("2.0");
    List<Candidate> candidates = new ArrayList<>();
    Map<String, String> unresolved = new LinkedHashMap<>();
    boolean changed = inline((ObjectNode) root, file, candidates, unresolved);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed;
    if (!changed) {
      parsed = new OpenAPIParser().readLocation(file.toAbsolutePath().toString(), null, options);
    } else {
      String content = Json.mapper().writeValueAsString(root);
      parsed = root.has("openapi")
          ? new OpenAPIV3Parser().readContents(content, null, options, file.toAbsolutePath().toString())
          : new SwaggerConverter().readContents(content, null, options);
    }
    List<String> messages = parsed == null || parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
    return new Result(version, candidates, unresolved, parsed == null ? null : parsed.getOpenAPI(), messages,
        SpecText.operationLines(text, json), new ExternalSchemas(file.toAbsolutePath().getParent(), repoRoot));
  }

  private boolean inline(ObjectNode root, Path file, List<Candidate> candidates, Map<String, String> unresolved) {
    JsonNode paths = root.get("paths");
    if (paths == null || !paths.isObject()) {
      return false;
    }
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode item = e.getValue();
      if (item != null && item.isObject() && item.has("$ref")) {
        Ref r = resolve(root, file, item.get("$ref").asText());
        if (r.node() == null || !r.node().isObject()) {
          candidates.add(new Candidate(e.getKey(), "*"));
          unresolved.put("* " + e.getKey(), "path item $ref \"" + item.get("$ref").asText() + "\": " + r.problem());
          continue;
        }
        item = r.node();
        e.setValue(item);
        changed = true;
      }
      if (item == null || !item.isObject()) {
        continue;
      }
      ObjectNode obj = (ObjectNode) item;
      for (Iterator<Map.Entry<String, JsonNode>> ops = obj.fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toLowerCase(Locale.ROOT);
        if (!SpecText.METHODS.contains(method)) {
          continue;
        }
        Candidate c = new Candidate(e.getKey(), method.toUpperCase(Locale.ROOT));
        candidates.add(c);
        JsonNode v = op.getValue();
        if (v != null && v.isObject() && v.has("$ref")) {
          Ref r = resolve(root, file, v.get("$ref").asText());
          if (r.node() == null || !r.node().isObject()) {
            unresolved.put(c.key(), "operation $ref \"" + v.get("$ref").asText() + "\": " + r.problem());
          } else {
            op.setValue(r.node());
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  private record Ref(JsonNode node, String problem) {}

  private Ref resolve(JsonNode root, Path file, String ref) {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    if (target.isEmpty()) {
      JsonNode n = at(root, fragment);
      return n == null ? new Ref(null, "no such location in the document") : new Ref(n.deepCopy(), "");
    }
    if (target.contains("://")) {
      return new Ref(null, "remote references are not fetched (Quarry works offline; vendor the file into the repository)");
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    Path other = dir.resolve(target).normalize();
    if (!other.startsWith(repoRoot)) {
      return new Ref(null, "points outside the repository");
    }
    try {
      if (!Files.isRegularFile(other, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return new Ref(null, "file " + repoRoot.relativize(other) + " not found");
      }
      JsonNode doc = SpecText.tree(Files.readString(other, StandardCharsets.UTF_8), SpecText.isJson(other.toString()));
      JsonNode n = at(doc, fragment);
      if (n == null) {
        return new Ref(null, "no such location in " + repoRoot.relativize(other));
      }
      JsonNode copy = n.deepCopy();
      rebase(copy, other, dir);
      return new Ref(copy, "");
    } catch (IOException | RuntimeException ex) {
      return new Ref(null, "cannot read " + repoRoot.relativize(other) + ": " + ex.getMessage());
    }
  }

  private static JsonNode at(JsonNode doc, String fragment) {
    if (doc == null) {
      return null;
    }
    if (fragment.isEmpty()) {
      return doc;
    }
    try {
      JsonNode n = doc.at(JsonPointer.compile(java.net.URLDecoder.decode(fragment, StandardCharsets.UTF_8)));
      return n.isMissingNode() ? null : n;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Rewrites the relative {@code $ref}s of a node taken from {@code from} so they resolve from {@code toDir}. */
  static void rebase(JsonNode node, Path from, Path toDir) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().contains("://")) {
        String r = ref.asText();
        int hash = r.indexOf('#');
        String target = hash < 0 ? r : r.substring(0, hash);
        String fragment = hash < 0 ? "" : r.substring(hash);
        Path abs = target.isEmpty() ? from : from.getParent().resolve(target).normalize();
        o.set("$ref", TextNode.valueOf(toDir.relativize(abs).toString().replace('\\', '/') + fragment));
      }
      o.forEach(child -> rebase(child, from, toDir));
    } else if (node.isArray()) {
      node.forEach(child -> rebase(child, from, toDir));
    }
  }
}
