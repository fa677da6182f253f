package dev.quarry.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the stages of one build into its staging folder and records each in the next {@link BuildState}; with
 * {@code resume}, a stage whose configuration hash, input fingerprints and tool ({@link Fingerprint#tool})
 * match the last complete build's (and whose outputs there are intact) is skipped: its outputs are copied from
 * the output folder into staging and its recorded counts are returned instead.
 */
final class StageRunner {
  /** A stage body: writes its outputs and returns its counts for the manifest. */
  interface Body {
    ObjectNode run() throws IOException;
  }

  private final Path out;
  private final Path staging;
  private final String configHash;
  private final boolean resume;
  private final BuildState last;
  private final BuildState next = BuildState.empty();
  private final List<String> skipped = new ArrayList<>();
  private final String tool;

  /**
   * @param out the output folder, holding the last complete build
   * @param staging where this build writes
   */
  StageRunner(Path out, Path staging, String configHash, boolean resume) throws IOException {
    this.out = out;
    this.staging = staging;
    this.configHash = configHash;
    this.resume = resume;
    this.last = resume ? BuildState.load(out) : BuildState.empty();
    this.tool = Fingerprint.tool();
  }

  /**
   * Runs (or, resuming, skips) one stage.
   *
   * @param name the stage name, as in the manifest's counts
   * @param inputs files and folders the stage reads (a folder stands for every file under it)
   * @param extra other inputs, e.g. a repository digest, by name
   * @param outputs files and folders the stage writes
   * @param body the stage
   */
  ObjectNode run(String name, List<Path> inputs, Map<String, String> extra, List<Path> outputs, Body body)
      throws IOException {
    Map<String, String> in = fingerprint(inputs);
    in.putAll(extra);
    in.put("(tool)", tool);
    if (resume) {
      Optional<ObjectNode> counts = last.reusable(name, configHash, in, out);
      if (counts.isPresent()) {
        skipped.add(name);
        Map<String, String> hashes = new TreeMap<>();
        for (String f : last.outputs(name)) {
          Path to = staging.resolve(f);
          Files.createDirectories(to.getParent());
          Files.copy(out.resolve(f), to, StandardCopyOption.REPLACE_EXISTING);
          hashes.put(f, dev.quarry.io.Hashing.sha256(to));
        }
        next.record(name, configHash, in, hashes, counts.get());
        return counts.get();
      }
    }
    ObjectNode counts = body.run();
    next.record(name, configHash, in, fingerprint(outputs), counts);
    return counts;
  }

  private Map<String, String> fingerprint(List<Path> paths) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (Path p : paths) {
      m.putAll(Files.isDirectory(p) ? Fingerprint.tree(staging, p) : Fingerprint.files(staging, List.of(p)));
    }
    return m;
  }

  /** The stages skipped because nothing they depend on changed, in run order. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** Writes the state of this build, for the next {@code --resume}, into staging. */
  void writeState() throws IOException {
    next.write(staging);
  }
}
