package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.analyze.AnalysisReport;
import dev.quarry.dataset.analyze.Analyzer;
import dev.quarry.dataset.balance.BalanceReport;
import dev.quarry.dataset.balance.Balancer;
import dev.quarry.dataset.combine.CombineReport;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.dataset.split.SplitReport;
import dev.quarry.dataset.split.Splitter;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.Exporter;
import dev.quarry.export.Exporters;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.validate.ValidateStage;
import dev.quarry.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * {@code quarry build}: every stage in order, into one output folder with the SPEC §4 layout, then
 * {@code manifest.json}. Each file is written atomically; files left by an earlier build that this build
 * did not write are removed, so the folder always matches its manifest.
 */
public final class BuildPipeline {
  /** Sub-folders the build owns inside the output folder. */
  static final List<String> OWNED = List.of("extracted", "dataset", "reports", "export", "work");

  /**
   * What a build did.
   *
   * @param out the output folder
   * @param counts counts per stage, as in the manifest
   * @param manifest the manifest written
   */
  public record Result(Path out, ObjectNode counts, ObjectNode manifest) {}

  private final ProgressListener progress;

  /** A pipeline reporting to {@code progress}. */
  public BuildPipeline(ProgressListener progress) {
    this.progress = progress;
  }

  /**
   * Runs the build.
   *
   * @param repoDir the repository
   * @param configFile quarry.yaml given with {@code -c}, or null for {@code REPO/quarry.yaml} or the defaults
   * @param out the output folder
   */
  public Result run(Path repoDir, Path configFile, Path out) throws IOException {
    QuarryConfig config = ConfigLoader.resolve(repoDir, configFile);
    Repository repo = Repository.open(repoDir);
    Files.createDirectories(out);
    Map<Path, Object> before = snapshot(out);
    OutputRelativePaths paths = new OutputRelativePaths(out);
    ObjectNode counts = JsonNodeFactory.instance.objectNode();
    Path reports = out.resolve("reports");
    Path work = out.resolve("work");

    List<ExtractStage.Output> extracted = new ExtractStage(config, progress).run(repo, out.resolve("extracted"), List.of());
    ObjectNode ex = counts.putObject("extract");
    ObjectNode coverage = JsonNodeFactory.instance.objectNode();
    for (ExtractStage.Output o : extracted) {
      ex.put(o.extractor(), o.examples());
      coverage.set(o.extractor(), Json.mapper().valueToTree(o.coverage()));
    }
    writeJson(reports.resolve("coverage.json"), coverage);

    ValidationReport validation = new ValidateStage(config, false, progress).run(
        extracted.stream().map(ExtractStage.Output::file).toList(), work.resolve("accepted.jsonl"),
        out.resolve("rejected.jsonl"));
    writeJson(reports.resolve("validation.json"), paths.apply(validation.toJson()));
    validation.writeSarif(reports.resolve("validation.sarif"));
    paths.applyToFile(reports.resolve("validation.sarif"));
    counts.putObject("validate").put("in", validation.in()).put("accepted", validation.accepted())
        .put("rejected", validation.rejected());

    CombineReport combined = new Combiner(config.dedup(), progress)
        .run(List.of(work.resolve("accepted.jsonl")), work.resolve("combined.jsonl"));
    counts.set("combine", paths.apply(combined.toJson()));

    BalanceReport balanced = new Balancer(config, 0, progress).run(work.resolve("combined.jsonl"), work.resolve("balanced.jsonl"));
    writeJson(reports.resolve("balance.json"), balanced.toJson());
    counts.set("balance", balanced.toJson().deepCopy().without(List.of("deficits", "plan")));

    Path datasetDir = out.resolve("dataset");
    SplitReport split = new Splitter(config.split(), progress).run(work.resolve("balanced.jsonl"), datasetDir);
    counts.set("split", split.toJson());

    DatasetSplits splits = DatasetSplits.in(datasetDir);
    AnalysisReport analysis = new Analyzer(config, progress)
        .run(Stream.of(splits.train(), splits.validation(), splits.test()).filter(Files::exists).toList());
    writeJson(reports.resolve("distribution.json"), paths.apply(analysis.toJson()));

    ObjectNode exp = counts.putObject("export");
    for (Exporter x : Exporters.builtIns()) {
      x.export(splits, out.resolve("export").resolve(x.format()));
      exp.put(x.format(), "export/" + x.format());
    }

    removeStale(before);
    ObjectNode inputs = JsonNodeFactory.instance.objectNode();
    inputs.put("repo", repoDir.toString()).put("name", repo.name()).put("commit", repo.commit().orElse(null));
    ObjectNode manifest = Manifest.write(out, inputs, configPath(config, repoDir), config.hash(), counts);
    return new Result(out, counts, manifest);
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

  private static void writeJson(Path p, ObjectNode node) throws IOException {
    AtomicFile.writeString(p, Json.pretty().writeValueAsString(node) + "\n");
  }

  /** The identity (inode) of every file in the owned folders, before the build writes anything. */
  private static Map<Path, Object> snapshot(Path out) throws IOException {
    Map<Path, Object> ids = new HashMap<>();
    for (String d : OWNED) {
      Path dir = out.resolve(d);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.filter(Files::isRegularFile).toList()) {
            ids.put(p, identity(p));
          }
        }
      }
    }
    return ids;
  }

  private static Object identity(Path p) throws IOException {
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
    return a.fileKey() != null ? a.fileKey() : a.lastModifiedTime();
  }

  /**
   * Deletes files of an earlier build that this build did not write: every output is replaced by an atomic
   * rename, which gives it a new identity, so a file whose identity is unchanged is stale.
   */
  private static void removeStale(Map<Path, Object> before) throws IOException {
    for (Map.Entry<Path, Object> e : before.entrySet()) {
      if (Files.isRegularFile(e.getKey()) && identity(e.getKey()).equals(e.getValue())) {
        Files.delete(e.getKey());
      }
    }
  }
}
