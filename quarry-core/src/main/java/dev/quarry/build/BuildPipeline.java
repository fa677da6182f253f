package dev.quarry.build;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code quarry build}: every stage in order, into one output folder with the SPEC §4 layout, then
 * {@code manifest.json}. The build is all or nothing: it writes into {@code OUT/.quarry-staging/} and then
 * swaps its files in through a {@link Journal}, so after a crash or a full disk at any moment the folder holds
 * the previous complete build or the new one (a half-done swap is completed by the next build). Quarry owns
 * only the files the previous manifest lists: it replaces or deletes those, never any other file in the
 * folder ({@link OutputFolder}). A {@link BuildLock} keeps a second build out of the folder meanwhile.
 */
public final class BuildPipeline {
  /**
   * What a build did.
   *
   * @param out the output folder
   * @param counts counts per stage, as in the manifest
   * @param manifest the manifest written
   * @param skipped the stages {@code --resume} skipped because nothing they depend on changed, in order
   * @param notes what the build did to the folder besides building: a stale lock taken over, an interrupted
   *     build completed
   * @param stopped why the build stopped before its last stage (an empty stage), or null when it did not
   */
  public record Result(Path out, ObjectNode counts, ObjectNode manifest, List<String> skipped, List<String> notes,
      String stopped) {
    public Result {
      skipped = List.copyOf(skipped);
      notes = List.copyOf(notes);
    }

    /** Why the build stopped early, e.g. "all 49 records rejected: attribution 49 — see reports/validation.json". */
    public Optional<String> stoppedBecause() {
      return Optional.ofNullable(stopped);
    }
  }

  private final ProgressListener progress;

  /** A pipeline reporting to {@code progress}. */
  public BuildPipeline(ProgressListener progress) {
    this.progress = progress;
  }

  /** Runs the build from scratch ({@link #run(Path, Path, Path, boolean, boolean)} without resume or force). */
  public Result run(Path repoDir, Path configFile, Path out) throws IOException {
    return run(repoDir, configFile, out, false, false);
  }

  /** Runs the build without {@code force}. */
  public Result run(Path repoDir, Path configFile, Path out, boolean resume) throws IOException {
    return run(repoDir, configFile, out, resume, false);
  }

  /**
   * Runs the build.
   *
   * @param repoDir the repository
   * @param configFile quarry.yaml given with {@code -c}, or null for {@code REPO/quarry.yaml} or the defaults
   * @param out the output folder; when it lies inside the repository, the walk leaves it out
   * @param resume skip every stage whose inputs and configuration hash are unchanged since the last build into
   *     {@code out} (recorded in {@code out/.quarry-state.json}); the result is the same as without it
   * @param force build into a non-empty folder that holds no Quarry manifest (its files are kept)
   * @throws dev.quarry.UsageException (exit 2) when {@code out} is or contains the repository, is not empty and
   *     holds no manifest (without {@code force}), is locked by another build, or a file Quarry does not own is
   *     where the build writes
   */
  public Result run(Path repoDir, Path configFile, Path out, boolean resume, boolean force) throws IOException {
    QuarryConfig config = ConfigLoader.resolve(repoDir, configFile);
    Repository opened = Repository.open(repoDir);
    Path root = opened.root();
    Path target = OutputFolder.realPath(out);
    OutputFolder.check(root, target, force);
    // Before anything is written: a system prompt that would reject every record is a configuration error.
    List<String> notes = new ArrayList<>();
    QuarryOwnText own = QuarryOwnText.check(config, opened, notes);
    config = own.config();
    Files.createDirectories(target);
    Repository repo = Repository.open(repoDir, ProgressListener.NONE, Set.of(target)).withName(own.repo().name());
    try (BuildLock lock = BuildLock.acquire(target)) {
      lock.staleOwner().ifPresent(o -> notes.add("took over the lock of a build that died (" + o + ")"));
      if (Journal.recover(target)) {
        notes.add("completed the interrupted swap of the previous build");
      }
      Map<String, String> previous = Manifest.files(target);
      Path staging = target.resolve(OutputFolder.STAGING);
      Files.createDirectories(staging);
      StageRunner stages = new StageRunner(target, staging, config.hash(), resume);
      BuildStages.Outcome outcome;
      ObjectNode manifest;
      try {
        outcome = new BuildStages(config, repo, staging, stages, progress).run();
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("repo", repoDir.toString()).put("name", repo.name()).put("commit", repo.commit().orElse(null));
        manifest = Manifest.write(staging, inputs, configPath(config, repoDir), config.hash(), outcome.counts(),
            outcome.stopped());
        stages.writeState();
        Journal.commit(target, previous);
      } catch (IOException | RuntimeException e) {
        discard(staging, e);
        throw e;
      }
      return new Result(out, outcome.counts(), manifest, stages.skipped(), notes, outcome.stopped());
    }
  }

  /**
   * Runs a build of several sources (issue 15): repositories and record files, each extracted as its own
   * stage; provenance names each source, dedup and the split see all of them, the manifest lists every source
   * with its commit (or a record file's SHA-256).
   *
   * @param sources the sources, in order (see {@link BuildSource#resolve}); at least one is a repository
   * @param config the build's configuration
   * @param out the output folder
   * @throws dev.quarry.UsageException (exit 2) when no source is a repository, or as {@link #run}
   */
  public Result runSources(List<BuildSource> sources, QuarryConfig config, Path out, boolean resume, boolean force)
      throws IOException {
    if (sources.stream().allMatch(BuildSource::records)) {
      throw new dev.quarry.UsageException("no repository among the sources",
          "give at least one repository folder; record files are added to what is mined from it");
    }
    Path target = OutputFolder.realPath(out);
    List<String> notes = new ArrayList<>();
    List<BuildStages.Unit> units = new ArrayList<>();
    Repository primary = null;
    QuarryConfig global = config;
    Set<String> seen = new java.util.HashSet<>();
    for (BuildSource s : sources) {
      if (s.records()) {
        units.add(new BuildStages.Unit(s, null));
        continue;
      }
      Repository opened = Repository.open(s.path()).withName(s.name());
      OutputFolder.check(opened.root(), target, force);
      QuarryOwnText own = QuarryOwnText.check(s.config(), opened, notes);
      if (!seen.add(own.repo().name())) {
        throw new dev.quarry.UsageException("two sources are named \"" + own.repo().name() + "\" once AI names "
            + "are removed", "give one of them another name: in quarry.yaml sources:");
      }
      if (primary == null) {
        global = QuarryOwnText.check(config, opened, new ArrayList<>()).config();
      }
      Files.createDirectories(target);
      Repository repo = Repository.open(s.path(), ProgressListener.NONE, Set.of(target)).withName(own.repo().name());
      primary = primary == null ? repo : primary;
      units.add(new BuildStages.Unit(new BuildSource(own.repo().name(), s.path(), false, own.config()), repo));
    }
    Files.createDirectories(target);
    try (BuildLock lock = BuildLock.acquire(target)) {
      lock.staleOwner().ifPresent(o -> notes.add("took over the lock of a build that died (" + o + ")"));
      if (Journal.recover(target)) {
        notes.add("completed the interrupted swap of the previous build");
      }
      Map<String, String> previous = Manifest.files(target);
      Path staging = target.resolve(OutputFolder.STAGING);
      Files.createDirectories(staging);
      StageRunner stages = new StageRunner(target, staging, global.hash(), resume);
      BuildStages.Outcome outcome;
      ObjectNode manifest;
      try {
        outcome = new BuildStages(global, primary, units, staging, stages, progress).run();
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode list = inputs.putArray("sources");
        for (BuildStages.Unit u : units) {
          ObjectNode o = list.addObject().put("name", u.source().name())
              .put("kind", u.repo() == null ? "records" : "repository").put("path", u.source().path().toString());
          if (u.repo() == null) {
            o.put("sha256", dev.quarry.io.Hashing.sha256(u.source().path()));
          } else {
            o.put("commit", u.repo().commit().orElse(null));
          }
        }
        String origin = global.origin();
        manifest = Manifest.write(staging, inputs, origin, global.hash(), outcome.counts(), outcome.stopped());
        stages.writeState();
        Journal.commit(target, previous);
      } catch (IOException | RuntimeException e) {
        discard(staging, e);
        throw e;
      }
      return new Result(out, outcome.counts(), manifest, stages.skipped(), notes, outcome.stopped());
    }
  }

  /**
   * After a failure: before the commit point, deletes the staging folder (the previous build is untouched);
   * after it, tries once more to complete the swap (a rename needs no free space). What fails here is left to
   * the next build's recovery.
   */
  private static void discard(Path staging, Exception cause) {
    try {
      if (Files.exists(staging.resolveSibling(Journal.FILE))) {
        Journal.recover(staging.getParent());
      } else {
        Journal.deleteTree(staging);
      }
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The configuration file as the manifest records it: relative to the repository when it lies inside it. */
  private static String configPath(QuarryConfig config, Path repoDir) {
    if (config.origin() == null) {
      return null;
    }
    Path c = Path.of(config.origin()).toAbsolutePath().normalize();
    Path r = repoDir.toAbsolutePath().normalize();
    return c.startsWith(r) ? r.relativize(c).toString().replace('\\', '/') : config.origin();
  }
}
