package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the last build did, per stage, in {@code out/.quarry-state.json}, so {@code quarry build --resume} can
 * skip a stage whose inputs and configuration are unchanged. Per stage it records the configuration hash,
 * the SHA-256 of every input, the SHA-256 of every output and the stage's counts (which the manifest needs
 * when the stage is skipped). A stage is reusable only when all of them match and every recorded output is
 * still there with the recorded hash, so a deleted or edited output makes the stage run again. A missing or
 * unreadable state file means "nothing reusable". The file holds no times, so it is reproducible too.
 */
final class BuildState {
  static final String FILE = ".quarry-state.json";

  private final ObjectNode stages;

  private BuildState(ObjectNode stages) {
    this.stages = stages;
  }

  /** An empty state. */
  static BuildState empty() {
    return new BuildState(JsonNodeFactory.instance.objectNode());
  }

  /** The state of the last build into {@code out}, or an empty one. */
  static BuildState load(Path out) {
    Path f = out.resolve(FILE);
    try {
      JsonNode n = Files.isRegularFile(f) ? Json.mapper().readTree(f.toFile()) : null;
      if (n != null && n.path("stages").isObject()) {
        return new BuildState(((ObjectNode) n.get("stages")).deepCopy());
      }
    } catch (IOException e) {
      // A damaged state file only costs a full rebuild.
    }
    return empty();
  }

  /**
   * The counts recorded for {@code stage} when its configuration hash and inputs equal the recorded ones and
   * every recorded output under {@code out} still has its recorded hash; empty otherwise.
   */
  Optional<ObjectNode> reusable(String stage, String configHash, Map<String, String> inputs, Path out)
      throws IOException {
    JsonNode s = stages.get(stage);
    if (s == null || !configHash.equals(s.path("config_hash").asText(null))
        || !Json.mapper().valueToTree(new TreeMap<>(inputs)).equals(s.path("inputs"))) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("outputs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> o = it.next();
      Path p = out.resolve(o.getKey());
      if (!Files.isRegularFile(p) || !Hashing.sha256(p).equals(o.getValue().asText())) {
        return Optional.empty();
      }
    }
    return Optional.of(s.path("counts").isObject() ? ((ObjectNode) s.get("counts")).deepCopy()
        : JsonNodeFactory.instance.objectNode());
  }

  /** The outputs recorded for {@code stage}, relative to the build folder. */
  List<String> outputs(String stage) {
    List<String> out = new ArrayList<>();
    stages.path(stage).path("outputs").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Records a stage that ran (or was reused), replacing what was recorded for it. */
  void record(String stage, String configHash, Map<String, String> inputs, Map<String, String> outputs,
      ObjectNode counts) {
    ObjectNode s = stages.putObject(stage);
    s.put("config_hash", configHash);
    s.set("inputs", Json.mapper().valueToTree(new TreeMap<>(inputs)));
    s.set("outputs", Json.mapper().valueToTree(new TreeMap<>(outputs)));
    s.set("counts", counts == null ? JsonNodeFactory.instance.objectNode() : counts.deepCopy());
  }

  /** Writes the state to {@code out/.quarry-state.json}, atomically. */
  void write(Path out) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", 1);
    root.set("stages", stages);
    AtomicFile.writeString(out.resolve(FILE), Json.pretty().writeValueAsString(root) + "\n");
  }
}
