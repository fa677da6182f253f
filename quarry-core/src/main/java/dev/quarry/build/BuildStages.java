package dev.quarry.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ProgressListener;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.analyze.AnalysisReport;
import dev.quarry.dataset.analyze.Analyzer;
import dev.quarry.dataset.analyze.QualityAnalyzer;
import dev.quarry.dataset.balance.BalanceReport;
import dev.quarry.dataset.balance.Balancer;
import dev.quarry.dataset.combine.Combiner;
import dev.quarry.dataset.decontaminate.DecontaminationReport;
import dev.quarry.dataset.decontaminate.DecontaminationSettings;
import dev.quarry.dataset.decontaminate.Decontaminator;
import dev.quarry.dataset.split.SplitCounts;
import dev.quarry.dataset.split.Splitter;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.export.DatasetSplits;
import dev.quarry.export.ExportStage;
import dev.quarry.extract.ExtractStage;
import dev.quarry.extract.Repository;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.synth.HeldOutGuard;
import dev.quarry.synth.SynthStage;
import dev.quarry.synth.Synthesizer;
import dev.quarry.validate.SarifBases;
import dev.quarry.validate.ValidateStage;
import dev.quarry.validate.ValidationReport;
import dev.quarry.validate.rules.ExtractionRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stages of one build, in order, writing into the build's staging folder (SPEC §4 layout). A stage that
 * ends with nothing for the next one (no example extracted, every record rejected, an empty train split) stops
 * the build there with a reason naming the report to read; the stages before it keep their outputs.
 */
final class BuildStages {
  /**
   * What the stages did.
   *
   * @param counts counts per stage that ran, in order
   * @param stopped why the build stopped early, or null when every stage ran
   */
  record Outcome(ObjectNode counts, String stopped) {}

  /** The validate count of records rejected for nothing but mentions of an AI product. */
  static final String MENTIONS_ALONE = "rejected_for_mentions_alone";

  /** The response cache of synthesis, in the output folder but not owned by the manifest. */
  static final String SYNTH_CACHE = ".quarry-synth-cache";
  /** The cache of execution and type-check results (validate.execute / validate.typecheck), beside the build. */
  static final String EXEC_CACHE = ".quarry-exec-cache";

  private final QuarryConfig config;
  private final Repository repo;
  private final Path out;
  private final StageRunner stages;
  private final ProgressListener progress;
  private final OutputRelativePaths paths;
  private final List<Unit> units;

  /**
   * One source of a multi-source build, opened.
   *
   * @param source the source
   * @param repo its repository under the source's name, or null for a record file
   */
  record Unit(BuildSource source, Repository repo) {}

  BuildStages(QuarryConfig config, Repository repo, Path staging, StageRunner stages, ProgressListener progress) {
    this(config, repo, List.of(), staging, stages, progress);
  }

  /**
   * The stages of a multi-source build: each unit is extracted (or imported) as its own stage into
   * {@code extracted/<name>/}, so {@code --resume} re-extracts only the sources that changed; every later stage
   * reads them all together. {@code repo} is the first repository, whose root the quality figures and SARIF
   * locations are relative to.
   */
  BuildStages(QuarryConfig config, Repository repo, List<Unit> units, Path staging, StageRunner stages,
      ProgressListener progress) {
    this.units = List.copyOf(units);
    this.config = config;
    this.repo = repo;
    this.out = staging;
    this.stages = stages;
    this.progress = progress;
    this.paths = new OutputRelativePaths(staging);
  }

  Outcome run() throws IOException {
    ObjectNode counts = JsonNodeFactory.instance.objectNode();
    Path reports = out.resolve("reports");
    Path work = out.resolve("work");
    Path extractedDir = out.resolve("extracted");

    Map<String, String> repoInputs = new TreeMap<>();
    repoInputs.put("repository", Fingerprint.repository(repo));
    repoInputs.put("commit", repo.commit().orElse("none"));
    List<Path> extracted = new ArrayList<>();
    long extractedCount = 0;
    if (units.isEmpty()) {
      ObjectNode ex = stages.run("extract", List.of(), repoInputs, List.of(extractedDir, reports.resolve("coverage.json")),
          this::extract);
      counts.set("extract", ex);
      for (JsonNode n : ex) {
        extractedCount += n.asLong();
      }
      if (extractedCount == 0) {
        return new Outcome(counts, "no example extracted from " + repo.entriesSeen() + " entries of the repository"
            + " — see reports/coverage.json");
      }
      // Validation reads the extractor files in extractor order, which the counts keep.
      ex.fieldNames().forEachRemaining(id -> extracted.add(extractedDir.resolve(id + ".jsonl")));
    } else {
      ObjectNode ex = counts.putObject("extract");
      for (Unit u : units) {
        ObjectNode one = extractUnit(u, extractedDir.resolve(u.source().name()), reports);
        ex.set(u.source().name(), one);
        for (Iterator<Map.Entry<String, JsonNode>> it = one.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          extractedCount += f.getValue().asLong();
          extracted.add(extractedDir.resolve(u.source().name()).resolve(f.getKey() + ".jsonl"));
        }
      }
      if (extractedCount == 0) {
        return new Outcome(counts, "no example extracted from the " + units.size() + " sources"
            + " — see reports/coverage/");
      }
    }

    ObjectNode validated = stages.run("validate", extracted, Map.of(),
        List.of(work.resolve("accepted.jsonl"), out.resolve("rejected.jsonl"), reports.resolve("validation.json"),
            reports.resolve("validation.sarif"), reports.resolve("symbols.json")), () -> validate(extracted));
    counts.set("validate", validated);
    if (validated.path("accepted").asLong() == 0) {
      long alone = validated.path(MENTIONS_ALONE).asLong();
      return new Outcome(counts, "all " + validated.path("in").asLong() + " records rejected: "
          + rejectionsByRule(reports.resolve("validation.json")) + " — see reports/validation.json"
          + (alone == 0 ? "" : "; " + alone + " of them only for naming an AI product (set "
          + "validate.attribution.mentions: allow-in-code or allow to keep those)"));
    }

    ObjectNode combined = stages.run("combine", List.of(work.resolve("accepted.jsonl")), Map.of(),
        List.of(work.resolve("combined.jsonl")), () -> paths.apply(new Combiner(config.dedup(), progress)
            .run(List.of(work.resolve("accepted.jsonl")), work.resolve("combined.jsonl")).toJson()));
    counts.set("combine", combined);

    // Synthesis (issue 13) fills the deficits only when synth: is configured; otherwise balance reads combine's output.
    Path toBalance = work.resolve("combined.jsonl");
    if (config.synth().configured()) {
      toBalance = work.resolve("synthesized.jsonl");
      counts.set("synthesize", synthesize(work, reports));
    }
    Path balanceIn = toBalance;
    ObjectNode balanced = stages.run("balance", List.of(balanceIn), Map.of(),
        List.of(work.resolve("balanced.jsonl"), reports.resolve("balance.json")), () -> {
          BalanceReport b = new Balancer(config, 0, progress)
              .run(balanceIn, work.resolve("balanced.jsonl"));
          writeJson(reports.resolve("balance.json"), b.toJson());
          return b.toJson().deepCopy().without(List.of("deficits", "plan"));
        });
    counts.set("balance", balanced);
    if (balanced.path("out").asLong(1) == 0) {
      return new Outcome(counts, "balancing kept no example of " + balanced.path("in").asLong()
          + " — see reports/balance.json");
    }

    Path datasetDir = out.resolve("dataset");
    ObjectNode split = stages.run("split", List.of(work.resolve("balanced.jsonl")), Map.of(), List.of(datasetDir),
        () -> {
          ObjectNode s = new Splitter(config.split(), progress).run(work.resolve("balanced.jsonl"), datasetDir).toJson();
          // First the synthetic train examples that overlap held-out go, so no mined reference is lost to them.
          long synthDropped = config.synth().configured() ? HeldOutGuard.dropOverlapping(datasetDir.resolve("train.jsonl"),
              List.of(datasetDir.resolve("validation.jsonl"), datasetDir.resolve("test.jsonl"))) : 0;
          // Held-out examples that share long n-grams with train would overstate how well the adapter generalises.
          DecontaminationReport dc = new Decontaminator(DecontaminationSettings.defaults(), progress).heldOutAgainstTrain(
              datasetDir.resolve("train.jsonl"), List.of(datasetDir.resolve("validation.jsonl"), datasetDir.resolve("test.jsonl")));
          s.set("decontamination", paths.apply(dc.toJson()));
          if (config.synth().configured()) {
            s.put("synthetic_dropped_overlapping_held_out", synthDropped);
          }
          // Both steps above remove records: the counts reported are those of the files.
          return SplitCounts.of(datasetDir).applyTo(s);
        });
    counts.set("split", split);
    if (split.path("splits").path("train").asLong(1) == 0) {
      return new Outcome(counts, "the train split is empty (" + split.path("in").asLong() + " examples in)"
          + " — see the split: settings in quarry.yaml");
    }

    DatasetSplits splits = DatasetSplits.in(datasetDir);
    List<Path> splitFiles = List.of(splits.train(), splits.validation(), splits.test());
    stages.run("analyze", splitFiles, Map.of(), List.of(reports.resolve("distribution.json")), () -> {
      AnalysisReport analysis = new Analyzer(config, progress).run(splitFiles.stream().filter(Files::exists).toList());
      writeJson(reports.resolve("distribution.json"), paths.apply(analysis.toJson()));
      return JsonNodeFactory.instance.objectNode();
    });

    // Training-data quality figures (issue 10); the repository is read for verbatim ratios and test frameworks.
    stages.run("quality", splitFiles, repoInputs, List.of(reports.resolve("quality.json")), () -> {
      writeJson(reports.resolve("quality.json"), paths.apply(new QualityAnalyzer(repo.root(), progress)
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
    return new Outcome(counts, null);
  }

  /** The synthesize stage: reads combine's output and the symbol index, asks the configured model. */
  private ObjectNode synthesize(Path work, Path reports) throws IOException {
    Path mined = work.resolve("combined.jsonl");
    Path symbols = reports.resolve("symbols.json");
    Synthesizer.Outputs so = new Synthesizer.Outputs(work.resolve("synthetic.jsonl"),
        work.resolve("synthetic-rejected.jsonl"), reports.resolve("synthesis.json"), work.resolve("synth"));
    // The cache lives beside the build, outside what the manifest owns, so it survives builds and interruptions.
    Path cache = config.synth().cache().isBlank() ? out.getParent().resolve(SYNTH_CACHE)
        : repo.root().resolve(config.synth().cache());
    return stages.run("synthesize", List.of(mined, symbols), Map.of(), List.of(so.kept(), so.rejected(), so.report(),
        work.resolve("synthesized.jsonl")), () -> new SynthStage(config, config.synth(), repo.root(), System::getenv,
        progress).withRepository(repo).run(mined, symbols, List.of(), cache, so, work.resolve("synthesized.jsonl")).counts());
  }

  private ObjectNode extract() throws IOException {
    List<ExtractStage.Output> extracted = new ExtractStage(config, progress)
        .withSanitizer(new ExtractionRedactor(config)).run(repo, out.resolve("extracted"), List.of());
    ObjectNode ex = JsonNodeFactory.instance.objectNode();
    for (ExtractStage.Output o : extracted) {
      ex.put(o.extractor(), o.examples());
    }
    ExtractStage.writeCoverage(out.resolve("reports").resolve("coverage.json"), repo, extracted);
    return ex;
  }

  /**
   * Extracts one repository source into {@code dir} (coverage in {@code reports/coverage/<name>.json}), or
   * imports one record file into {@code dir/import.jsonl}; a stage of its own named {@code extract:<name>}.
   */
  private ObjectNode extractUnit(Unit u, Path dir, Path reports) throws IOException {
    String name = u.source().name();
    if (u.repo() == null) {
      Map<String, String> in = Map.of("file", dev.quarry.io.Hashing.sha256(u.source().path()), "name", name);
      return stages.run("extract:" + name, List.of(), in, List.of(dir), () -> importRecords(u, dir, new ExtractionRedactor(u.source().config())));
    }
    Map<String, String> in = new TreeMap<>();
    in.put("repository", Fingerprint.repository(u.repo()));
    in.put("commit", u.repo().commit().orElse("none"));
    in.put("config", u.source().config().hash());
    Path coverage = reports.resolve("coverage").resolve(name + ".json");
    return stages.run("extract:" + name, List.of(), in, List.of(dir, coverage), () -> {
      QuarryConfig c = u.source().config();
      List<ExtractStage.Output> outputs = new ExtractStage(c, progress).withSanitizer(new ExtractionRedactor(c))
          .run(u.repo(), dir, List.of());
      ObjectNode ex = JsonNodeFactory.instance.objectNode();
      for (ExtractStage.Output o : outputs) {
        ex.put(o.extractor(), o.examples());
      }
      Files.createDirectories(coverage.getParent());
      ExtractStage.writeCoverage(coverage, u.repo(), outputs);
      return ex;
    });
  }

  /**
   * Copies a record file's records, converted to Quarry records, into {@code dir/import.jsonl}; an import
   * provenance names the source, and secrets are redacted as in extraction, so no credential is in clear even in
   * {@code extracted/}. A line that cannot be converted stops the build naming the file and line (as
   * {@code quarry import} does): a hand-written set is small and every record of it is meant to be kept.
   */
  private static ObjectNode importRecords(Unit u, Path dir, ExtractionRedactor redactor) throws IOException {
    Files.createDirectories(dir);
    long n = 0;
    try (dev.quarry.io.JsonlWriter w = dev.quarry.io.JsonlWriter.open(dir.resolve("import.jsonl"));
        java.util.stream.Stream<dev.quarry.io.JsonlLine> lines = dev.quarry.io.JsonlReader.read(u.source().path())) {
      for (Iterator<dev.quarry.io.JsonlLine> it = lines.iterator(); it.hasNext(); ) {
        dev.quarry.io.JsonlLine l = it.next();
        if (l instanceof dev.quarry.io.JsonlLine.Malformed m) {
          throw new dev.quarry.InputException(u.source().path().toString(), m.line(), m.reason().message(),
              "fix the record, or run quarry validate on the file to see every bad record");
        } else {
          dev.quarry.model.Example e = ((dev.quarry.io.JsonlLine.Parsed) l).example();
          dev.quarry.model.Source s = e.source();
          if (s.repo() == null) {
            e = new dev.quarry.model.Example(e.id(), e.messages(), e.category(), e.language(),
                new dev.quarry.model.Source(s.extractor(), u.source().name(), s.path(), s.lines(), s.symbol(),
                    s.commit()), e.tags(), e.meta(), e.extra());
          }
          w.write(redactor.apply(e)); // a secret in a record file is redacted before the copy is written
        }
        n++;
      }
      w.commit();
    }
    return JsonNodeFactory.instance.objectNode().put("import", n);
  }

  private ObjectNode validate(List<Path> extracted) throws IOException {
    Path reports = out.resolve("reports");
    ValidationReport validation = new ValidateStage(config, false, progress)
        .withExecution(repo.root(), out.toAbsolutePath().getParent().resolve(EXEC_CACHE), java.util.Set.of()).run(extracted,
        out.resolve("work").resolve("accepted.jsonl"), out.resolve("rejected.jsonl"));
    writeJson(reports.resolve("validation.json"), paths.apply(validation.toJson()));
    validation.writeSarif(reports.resolve("validation.sarif"), new SarifBases(repo.root(), out, out.getParent()));
    paths.applyToFile(reports.resolve("validation.sarif"));
    // The platform's names, for grounding and hallucination checks of quarry eval: from accepted records only,
    // so nothing a rejected record carried (a secret, an attribution, a broken extraction) reaches the index.
    SymbolIndex.build(List.of(out.resolve("work").resolve("accepted.jsonl"))).write(reports.resolve("symbols.json"));
    ObjectNode counts = JsonNodeFactory.instance.objectNode().put("in", validation.in())
        .put("accepted", validation.accepted()).put("rejected", validation.rejected());
    com.fasterxml.jackson.databind.JsonNode ran = validation.toJson().path("execution");
    if (ran.isObject()) {
      counts.put("executed", ran.path("executed").asLong()).put("execution_passed", ran.path("passed").asLong())
          .put("execution_failed", ran.path("failed").asLong() + ran.path("error").asLong()
              + ran.path("timeout").asLong()).put("execution_skipped", ran.path("skipped").asLong());
    }
    if (validation.mentions().rejectedAlone() > 0) {
      // Only then: the policy decides these records, and the summary says how to change it.
      counts.put(MENTIONS_ALONE, validation.mentions().rejectedAlone());
    }
    return counts;
  }

  /** "attribution 49, secrets 3": rules with errors, most first, from the validation report. */
  private static String rejectionsByRule(Path validationJson) throws IOException {
    ObjectNode v = readObject(validationJson);
    List<Map.Entry<String, Long>> rules = new ArrayList<>();
    if (v != null) {
      v.path("rules").fields().forEachRemaining(r -> {
        if (r.getValue().path("errors").asLong() > 0) {
          rules.add(Map.entry(r.getKey(), r.getValue().path("errors").asLong()));
        }
      });
    }
    rules.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed().thenComparing(Map.Entry::getKey));
    List<String> parts = rules.stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    return parts.isEmpty() ? "no rule reported an error" : String.join(", ", parts);
  }

  private static ObjectNode readObject(Path p) throws IOException {
    JsonNode n = Files.isRegularFile(p) ? Json.mapper().readTree(p.toFile()) : null;
    return n != null && n.isObject() ? (ObjectNode) n : null;
  }

  private static void writeJson(Path p, ObjectNode node) throws IOException {
    AtomicFile.writeString(p, Json.pretty().writeValueAsString(node) + "\n");
  }
}
