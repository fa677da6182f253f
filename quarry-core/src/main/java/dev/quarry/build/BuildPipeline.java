package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.analyze.AnalysisReport;
import dev.quarry.dataset.analyze.Analyzer;
import dev.quarry.dataset.analyze.QualityAnalyzer;
import dev.quarry.dataset.balance.BalanceReport;
import dev.quarry.dataset.balance.Balancer;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.dataset.split.Splitter;
import dev.quarry.dataset.decontaminate.DecontaminationReport;
import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.Decontaminator;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.validate.rules.ExtractionRedactor;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.ExportStage;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.UsageException;
import dev.quarry.validate.ValidateStage;
import dev.quarry.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
   * @param skipped the stages {@code --resume} skipped because nothing they depend on changed, in order
   */
  public record Result(Path out, ObjectNode counts, ObjectNode manifest, List<String> skipped) {}

  private final ProgressListener progress;

  /** A pipeline reporting to {@code progress}. */
  public BuildPipeline(ProgressListener progress) {
    this.progress = progress;
  }

  /** Runs the build from scratch ({@link #run(Path, Path, Path, boolean)} without resume). */
  public Result run(Path repoDir, Path configFile, Path out) throws IOException {
    return run(repoDir, configFile, out, false);
  }

  /**
   * Runs the build.
   *
   * @param repoDir the repository
   * @param configFile quarry.yaml given with {@code -c}, or null for {@code REPO/quarry.yaml} or the defaults
   * @param out the output folder
   * @param resume skip every stage whose inputs and configuration hash are unchanged since the last build into
   *     {@code out} (recorded in {@code out/.quarry-state.json}); the result is the same as without it
   */
  public Result run(Path repoDir, Path configFile, Path out, boolean resume) throws IOException {
    QuarryConfig config = ConfigLoader.resolve(repoDir, configFile);
    Repository repo = Repository.open(repoDir);
    refuseRepositoryAsOutput(repoDir, out);
    Files.createDirectories(out);
    long started = fileSystemNow(out);
    Map<Path, String> before = previousOutputs(out);
    StageRunner stages = new StageRunner(out, config.hash(), resume);
    OutputRelativePaths paths = new OutputRelativePaths(out);
    ObjectNode counts = JsonNodeFactory.instance.objectNode();
    Path reports = out.resolve("reports");
    Path work = out.resolve("work");
    Path extractedDir = out.resolve("extracted");

    Map<String, String> repoInputs = new TreeMap<>();
    repoInputs.put("repository", Fingerprint.repository(repoDir, out));
    repoInputs.put("commit", repo.commit().orElse("none"));
    ObjectNode ex = stages.run("extract", List.of(), repoInputs, List.of(extractedDir, reports.resolve("coverage.json"),
        reports.resolve("symbols.json")), () -> extract(config, repo, out));
    counts.set("extract", ex);
    // Validation reads the extractor files in extractor order, which the counts keep.
    List<Path> extracted = new ArrayList<>();
    ex.fieldNames().forEachRemaining(id -> extracted.add(extractedDir.resolve(id + ".jsonl")));

    counts.set("validate", stages.run("validate", extracted, Map.of(),
        List.of(work.resolve("accepted.jsonl"), out.resolve("rejected.jsonl"), reports.resolve("validation.json"),
            reports.resolve("validation.sarif")), () -> validate(config, extracted, out)));

    counts.set("combine", stages.run("combine", List.of(work.resolve("accepted.jsonl")), Map.of(),
        List.of(work.resolve("combined.jsonl")), () -> paths.apply(new Combiner(config.dedup(), progress)
            .run(List.of(work.resolve("accepted.jsonl")), work.resolve("combined.jsonl")).toJson())));

    counts.set("balance", stages.run("balance", List.of(work.resolve("combined.jsonl")), Map.of(),
        List.of(work.resolve("balanced.jsonl"), reports.resolve("balance.json")), () -> {
          BalanceReport balanced = new Balancer(config, 0, progress)
              .run(work.resolve("combined.jsonl"), work.resolve("balanced.jsonl"));
          writeJson(reports.resolve("balance.json"), balanced.toJson());
          return balanced.toJson().deepCopy().without(List.of("deficits", "plan"));
        }));

    Path datasetDir = out.resolve("dataset");
    counts.set("split", stages.run("split", List.of(work.resolve("balanced.jsonl")), Map.of(), List.of(datasetDir),
        () -> {
          ObjectNode split = new Splitter(config.split(), progress).run(work.resolve("balanced.jsonl"), datasetDir).toJson();
          // Held-out examples that share long n-grams with train would overstate how well the adapter generalises.
          DecontaminationReport dc = new Decontaminator(DecontaminationSettings.defaults(), progress).heldOutAgainstTrain(
              datasetDir.resolve("train.jsonl"), List.of(datasetDir.resolve("validation.jsonl"), datasetDir.resolve("test.jsonl")));
          split.set("decontamination", paths.apply(dc.toJson()));
          return split;
        }));

    DatasetSplits splits = DatasetSplits.in(datasetDir);
    List<Path> splitFiles = List.of(splits.train(), splits.validation(), splits.test());
    stages.run("analyze", splitFiles, Map.of(), List.of(reports.resolve("distribution.json")), () -> {
      AnalysisReport analysis = new Analyzer(config, progress).run(splitFiles.stream().filter(Files::exists).toList());
      writeJson(reports.resolve("distribution.json"), paths.apply(analysis.toJson()));
      return JsonNodeFactory.instance.objectNode();
    });
    // Training-data quality figures (issue 10); the repository is read for verbatim ratios and test frameworks.
    stages.run("quality", splitFiles, repoInputs, List.of(reports.resolve("quality.json")), () -> {
      writeJson(reports.resolve("quality.json"), paths.apply(new QualityAnalyzer(repoDir, progress)
          .run(splitFiles.stream().filter(Files::exists).toList()).toJson()));
      return JsonNodeFactory.instance.objectNode();
    });

    List<Path> exportInputs = new ArrayList<>(splitFiles);
    exportInputs.addAll(List.of(out.resolve("rejected.jsonl"), reports.resolve("validation.json"),
        reports.resolve("distribution.json")));
    counts.set("export", stages.run("export", exportInputs, Map.of(), List.of(out.resolve("export"),
        reports.resolve("report.html")), () -> ExportStage.run(config, out, config.projectOr(repo.name()),
        repo.commit().orElse(null), readObject(reports.resolve("validation.json")),
        readObject(reports.resolve("distribution.json"))).summary()));

    removeStale(before, started, stages);
    ObjectNode inputs = JsonNodeFactory.instance.objectNode();
    inputs.put("repo", repoDir.toString()).put("name", repo.name()).put("commit", repo.commit().orElse(null));
    ObjectNode manifest = Manifest.write(out, inputs, configPath(config, repoDir), config.hash(), counts,
        p -> stages.kept(p) || modifiedSince(p, started));
    stages.writeState();
    return new Result(out, counts, manifest, stages.skipped());
  }

  private ObjectNode extract(QuarryConfig config, Repository repo, Path out) throws IOException {
    List<ExtractStage.Output> extracted = new ExtractStage(config, progress)
        .withSanitizer(new ExtractionRedactor(config)).run(repo, out.resolve("extracted"), List.of());
    ObjectNode ex = JsonNodeFactory.instance.objectNode();
    for (ExtractStage.Output o : extracted) {
      ex.put(o.extractor(), o.examples());
    }
    ExtractStage.writeCoverage(out.resolve("reports").resolve("coverage.json"), repo, extracted);
    // The platform's names, for grounding and hallucination checks of quarry eval.
    SymbolIndex.build(extracted.stream().map(ExtractStage.Output::file).toList())
        .write(out.resolve("reports").resolve("symbols.json"));
    return ex;
  }

  private ObjectNode validate(QuarryConfig config, List<Path> extracted, Path out) throws IOException {
    Path reports = out.resolve("reports");
    ValidationReport validation = new ValidateStage(config, false, progress).run(extracted,
        out.resolve("work").resolve("accepted.jsonl"), out.resolve("rejected.jsonl"));
    OutputRelativePaths paths = new OutputRelativePaths(out);
    writeJson(reports.resolve("validation.json"), paths.apply(validation.toJson()));
    validation.writeSarif(reports.resolve("validation.sarif"));
    paths.applyToFile(reports.resolve("validation.sarif"));
    return JsonNodeFactory.instance.objectNode().put("in", validation.in()).put("accepted", validation.accepted())
        .put("rejected", validation.rejected());
  }

  private static ObjectNode readObject(Path p) throws IOException {
    JsonNode n = Files.isRegularFile(p) ? Json.mapper().readTree(p.toFile()) : null;
    return n != null && n.isObject() ? (ObjectNode) n : null;
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

  /**
   * Refuses an output folder that is the repository or one of its ancestors: the build would mine its own outputs
   * and could overwrite the user's files.
   */
  private static void refuseRepositoryAsOutput(Path repoDir, Path out) throws IOException {
    Path r = real(repoDir);
    Path o = real(out);
    if (r.startsWith(o)) {
      throw new UsageException(out + ": the output folder is the repository or contains it",
          "choose an output folder outside the repository, e.g. -o " + r.resolveSibling(r.getFileName() + "-quarry-out"));
    }
  }

  private static Path real(Path p) throws IOException {
    Path a = p.toAbsolutePath().normalize();
    Path existing = a;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? a : existing.toRealPath().resolve(existing.relativize(a)).normalize();
  }

  /**
   * The file system's clock now, read from a probe file's modification time: file times come from the kernel's
   * coarse clock, which can lag {@link System#currentTimeMillis()}, so a fresh output could look older than a
   * start time taken from the JVM.
   */
  private static long fileSystemNow(Path out) throws IOException {
    Path probe = Files.createTempFile(out, ".quarry-clock-", ".tmp");
    try {
      return Files.getLastModifiedTime(probe).toMillis();
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * The files the previous build into {@code out} owns: those its {@code manifest.json} lists, with their SHA-256.
   * Nothing else in the folder is ever Quarry's to delete; an unreadable or foreign manifest owns nothing.
   */
  private static Map<Path, String> previousOutputs(Path out) {
    Map<Path, String> owned = new TreeMap<>();
    Path m = out.resolve(Manifest.FILE);
    try {
      JsonNode n = Files.isRegularFile(m) ? Json.mapper().readTree(m.toFile()) : null;
      if (n == null || !"quarry".equals(n.path("tool").asText())) {
        return owned;
      }
      Path base = out.toAbsolutePath().normalize();
      for (JsonNode f : n.path("files")) {
        Path p = base.resolve(f.path("path").asText()).normalize();
        if (p.startsWith(base) && !p.equals(base) && f.path("sha256").isTextual()) {
          owned.put(p, f.path("sha256").asText());
        }
      }
    } catch (IOException | RuntimeException e) {
      owned.clear();
    }
    return owned;
  }

  /**
   * Deletes the outputs of the previous build that this build did not write: a file is removed only when the
   * previous manifest lists it, it still has the content that manifest recorded (so a file the user changed is
   * never deleted), it was last modified before this build started (so a fresh output is never deleted, whatever
   * inode the file system gave it), and no stage that {@code --resume} skipped keeps it.
   */
  private static boolean modifiedSince(Path p, long started) {
    try {
      return Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() >= started;
    } catch (IOException e) {
      return false;
    }
  }

  private static void removeStale(Map<Path, String> before, long started, StageRunner stages) throws IOException {
    for (Map.Entry<Path, String> e : before.entrySet()) {
      Path p = e.getKey();
      if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && Files.getLastModifiedTime(p).toMillis() < started && !stages.kept(p)
          && e.getValue().equals(dev.quarry.io.Hashing.sha256(p))) {
        Files.delete(p);
      }
    }
  }
}
