package dev.quarry.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the stages of one build and records each in the next {@link BuildState}; with {@code resume}, a stage
 * whose configuration hash, input fingerprints and tool ({@link Fingerprint#tool}) match the last build's (and
 * whose outputs are intact) is
 * skipped and its recorded counts are returned instead. Every output of a skipped stage is reported as kept,
 * so the build's stale-file sweep leaves it alone.
 */
final class StageRunner {
  /** A stage body: writes its outputs and returns its counts for the manifest. */
  interface Body {
    ObjectNode run() throws IOException;
  }

  private final Path out;
  private final String configHash;
  private final boolean resume;
  private final BuildState last;
  private final BuildState next = BuildState.empty();
  private final List<String> skipped = new ArrayList<>();
  private final Set<Path> kept = new TreeSet<>();
  private final String tool;

  StageRunner(Path out, String configHash, boolean resume) throws IOException {
    this.out = out;
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
        List<String> files = last.outputs(name);
        files.forEach(f -> kept.add(out.resolve(f).toAbsolutePath().normalize()));
        Map<String, String> hashes = new TreeMap<>();
        for (String f : files) {
          hashes.put(f, dev.quarry.io.Hashing.sha256(out.resolve(f)));
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
      m.putAll(Files.isDirectory(p) ? Fingerprint.tree(out, p) : Fingerprint.files(out, List.of(p)));
    }
    return m;
  }

  /** The stages skipped because nothing they depend on changed, in run order. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** Whether {@code p} is an output of a skipped stage. */
  boolean kept(Path p) {
    return kept.contains(p.toAbsolutePath().normalize());
  }

  /** Writes the state of this build for the next {@code --resume}. */
  void writeState() throws IOException {
    next.write(out);
  }
}
