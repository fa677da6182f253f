package dev.quarry.extract;

import dev.quarry.ProgressListener;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.code.CodeExtractor;
import dev.quarry.extract.code.Templates;
import dev.quarry.extract.context.ContextComposer;
import dev.quarry.extract.explain.Explainer;
import dev.quarry.extract.explain.Knowledge;
import dev.quarry.extract.system.RepoProfile;
import dev.quarry.extract.system.SystemPrompts;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import dev.quarry.validate.rules.AttributionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs the enabled extractors over a repository, each into its own JSONL file, applying each extractor's
 * {@code max_examples} budget by deterministic sampling: the examples kept are those with the smallest
 * SHA-256 of their id, so re-runs keep the same ones and adding a file changes the sample little. Every
 * example passes through one {@link ContextComposer} first, so each extractor's answers carry their imports and
 * their prompts the context of the platform symbols used.
 */
public final class ExtractStage {
  /**
   * What one extractor produced.
   *
   * @param extractor extractor id
   * @param file the JSONL file written
   * @param examples examples written
   * @param coverage its coverage report
   */
  public record Output(String extractor, Path file, long examples, Coverage.Report coverage) {}

  private final QuarryConfig config;
  private final ProgressListener progress;
  private UnaryOperator<Example> sanitizer = UnaryOperator.identity();

  /** A stage for {@code config}. */
  public ExtractStage(QuarryConfig config, ProgressListener progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * This stage with a sanitizer applied to every example before it is written (and before budget sampling):
   * {@code quarry build} and {@code quarry extract} pass one that redacts secrets, so no output holds a secret
   * found in source in clear text.
   */
  public ExtractStage withSanitizer(UnaryOperator<Example> newSanitizer) {
    ExtractStage s = new ExtractStage(config, progress);
    s.sanitizer = newSanitizer;
    return s;
  }

  /** The first system prompt for {@code repo}: configured, or the first style derived from the repository. */
  public String systemPrompt(Repository repo) {
    return systemPrompts(repo).all().get(0);
  }

  /**
   * The system prompts for {@code repo}: the configured {@code system_prompt:}, or the styles of template
   * {@code system/styles} filled from its {@link RepoProfile}, each checked with the attribution rules so that
   * no AI name enters a prompt Quarry writes (a folder named {@code openai+swarm} gives prompts about
   * {@code swarm}).
   */
  public SystemPrompts systemPrompts(Repository repo) {
    if (config.systemPrompt() != null) {
      return SystemPrompts.fixed(config.systemPromptFor(config.projectOr(repo.name())));
    }
    AttributionCheck check = AttributionCheck.of(config);
    Predicate<String> acceptable = t -> check.rejecting(t).isEmpty();
    String project = check.neutral(config.projectOr(repo.name()), "project");
    return SystemPrompts.derived(project, RepoProfile.of(repo, acceptable), Templates.of(config, "system"),
        acceptable, config.systemPromptFor(project));
  }

  /**
   * Runs every enabled extractor (or only {@code only}, when not empty) and writes
   * {@code outDir/<id>.jsonl} for each. The syntax-aware extractors share one pass over the files: each file
   * is read by each of them but parsed once, which is where their time goes; their outputs are the same as
   * when each runs alone.
   */
  public List<Output> run(Repository repo, Path outDir, List<String> only) throws IOException {
    Categorizer categorizer = new Categorizer(config);
    // Every extractor's examples get the imports and context they need, then an explanation composed from the
    // repository's own knowledge (one index for all extractors).
    UnaryOperator<Example> context = new ContextComposer(repo);
    Explainer explainer = new Explainer(Knowledge.of(repo), Templates.of(config, "explain"));
    UnaryOperator<Example> compose = e -> explainer.explain(context.apply(e));
    SystemPrompts prompts = systemPrompts(repo);
    List<Output> outputs = new ArrayList<>();
    List<CodeExtractor> code = new ArrayList<>();
    List<ExtractContext> codeContexts = new ArrayList<>();
    for (Extractor x : Extractors.all()) {
      ExtractorSettings s = config.extractor(x.id());
      if (!s.enabled() || (!only.isEmpty() && !only.contains(x.id()))) {
        continue;
      }
      ExtractContext ctx = new ExtractContext(config, s, prompts, categorizer, progress);
      if (x instanceof CodeExtractor c) {
        code.add(c);
        codeContexts.add(ctx);
        continue;
      }
      Path file = outDir.resolve(x.id() + ".jsonl");
      long n;
      repo.observe(ctx.coverage());
      try (Stream<Example> examples = x.extract(repo, ctx).map(compose).map(sanitizer);
          JsonlWriter w = JsonlWriter.open(file)) {
        ExampleSink sink = new ExampleSink(w, s.maxExamples(), ctx);
        examples.forEach(sink::accept);
        n = sink.finish();
        w.commit();
      } finally {
        repo.observe(null);
      }
      outputs.add(new Output(x.id(), file, n, ctx.coverage().snapshot()));
    }
    outputs.addAll(runCode(repo, outDir, code, codeContexts, compose));
    List<String> order = Extractors.all().stream().map(Extractor::id).toList();
    outputs.sort(Comparator.comparingInt(o -> order.indexOf(o.extractor())));
    return outputs;
  }

  private List<Output> runCode(Repository repo, Path outDir, List<CodeExtractor> code, List<ExtractContext> contexts,
      UnaryOperator<Example> compose) throws IOException {
    if (code.isEmpty()) {
      return List.of();
    }
    List<CodeExtractor.Plan> plans = new ArrayList<>();
    TreeMap<String, RepoFile> union = new TreeMap<>();
    for (int i = 0; i < code.size(); i++) {
      repo.observe(contexts.get(i).coverage());
      try {
        CodeExtractor.Plan plan = code.get(i).plan(repo, contexts.get(i));
        plans.add(plan);
        plan.files().forEach(f -> union.put(f.path(), f));
      } finally {
        repo.observe(null);
      }
    }
    List<JsonlWriter> writers = new ArrayList<>();
    List<ExampleSink> sinks = new ArrayList<>();
    List<Set<String>> wanted = new ArrayList<>();
    try (SharedParses parses = new SharedParses()) {
      for (int i = 0; i < code.size(); i++) {
        JsonlWriter w = JsonlWriter.open(outDir.resolve(code.get(i).id() + ".jsonl"));
        writers.add(w);
        sinks.add(new ExampleSink(w, contexts.get(i).settings().maxExamples(), contexts.get(i)));
        wanted.add(new HashSet<>(plans.get(i).files().stream().map(RepoFile::path).toList()));
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < code.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparing(i -> code.get(i).yieldsSpans()));
      progress.start("code extractors", union.size());
      for (RepoFile f : union.values()) {
        SpanOwners owners = new SpanOwners();
        for (int i : order) {
          if (wanted.get(i).contains(f.path())) {
            for (Example e : code.get(i).process(f, plans.get(i), parses)) {
              if (!code.get(i).yieldsSpans()) {
                owners.claim(e.source());
              } else if (owners.owner(e.source()).isPresent()) {
                Coverage c = contexts.get(i).coverage();
                c.unwritten(1);
                c.skip(f.path(), e.source().symbol(), SkipReason.MINED_ELSEWHERE,
                    "lines also mined by " + owners.owner(e.source()).get());
                continue;
              }
              sinks.get(i).accept(sanitizer.apply(compose.apply(e)));
            }
          }
        }
        progress.advance(1);
      }
      progress.done();
      List<Output> out = new ArrayList<>();
      for (int i = 0; i < code.size(); i++) {
        long n = sinks.get(i).finish();
        writers.get(i).commit();
        out.add(new Output(code.get(i).id(), writers.get(i).target(), n, contexts.get(i).coverage().snapshot()));
      }
      return out;
    } finally {
      for (JsonlWriter w : writers) {
        w.close();
      }
    }
  }

  /** Writes every example of the enabled extractors into one file, in pipeline order (for {@code quarry extract -o}). */
  public long runInto(Repository repo, JsonlWriter w, List<String> only, List<Coverage.Report> reports)
      throws IOException {
    // Runs as the build does (one shared pass for the code extractors) into per-extractor files beside the
    // target, then streams them into the one output in pipeline order.
    Path scratch = Files.createTempDirectory(w.target().getParent(), ".quarry-extract-");
    try {
      long total = 0;
      for (Output o : run(repo, scratch, only)) {
        try (Stream<JsonlLine> lines = JsonlReader.read(o.file())) {
          lines.forEach(l -> w.write(((JsonlLine.Parsed) l).example()));
        }
        reports.add(o.coverage());
        total += o.examples();
      }
      return total;
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Writes the coverage report of a {@link #run} to {@code file} (e.g. {@code reports/coverage.json}): the
   * repository walk's skips, then each extractor's counts and skips.
   */
  public static void writeCoverage(Path file, Repository repo, List<Output> outputs) throws IOException {
    CoverageReport.write(file, repo, outputs.stream().map(Output::coverage).toList());
  }

}
