package dev.quarry.eval.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Answers on disk, one small JSON file per request under {@code dir/<2 hex>/<cache key>.json}, so an
 * interrupted or repeated run does not ask again. Only answers are cached, never failures: a re-run retries
 * what failed. Files are written atomically, so concurrent writers and a killed run leave no partial entry; an
 * unreadable entry counts as a miss and is rewritten. Thread-safe.
 */
public final class ResponseCache {
  private final Path dir;

  /** A cache in {@code dir} (created on first write). */
  public ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The cached answer to {@code request}, if any. */
  public Optional<ChatOutcome.Answered> get(ChatRequest request) {
    Path f = file(request.cacheKey());
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.mapper().readTree(Files.readAllBytes(f));
      JsonNode content = n.path("content");
      if (!content.isTextual() || !request.model().equals(n.path("model").asText())) {
        return Optional.empty();
      }
      return Optional.of(new ChatOutcome.Answered(content.asText(), n.path("finish_reason").asText(""), 0, true));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stores an answer. */
  public void put(ChatRequest request, ChatOutcome.Answered answer) {
    String key = request.cacheKey();
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("key", key).put("model", request.model())
        .put("content", answer.content()).put("finish_reason", answer.finishReason());
    try {
      AtomicFile.writeString(file(key), Json.mapper().writeValueAsString(o) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
