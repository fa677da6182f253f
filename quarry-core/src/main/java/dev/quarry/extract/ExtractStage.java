package dev.quarry.extract;

import dev.quarry.ProgressListener;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.io.Hashing;
import dev.quarry.io.JsonlWriter;
import dev.quarry.model.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs the enabled extractors over a repository, each into its own JSONL file, applying each extractor's
 * {@code max_examples} budget by deterministic sampling: the examples kept are those with the smallest
 * SHA-256 of their id, so re-runs keep the same ones and adding a file changes the sample little.
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

  /** The system prompt for {@code repo}: configured, or derived from the project name. */
  public String systemPrompt(Repository repo) {
    return config.systemPromptFor(config.projectOr(repo.name()));
  }

  /**
   * Runs every enabled extractor (or only {@code only}, when not empty) and writes
   * {@code outDir/<id>.jsonl} for each.
   */
  public List<Output> run(Repository repo, Path outDir, List<String> only) throws IOException {
    Categorizer categorizer = new Categorizer(config);
    List<Output> outputs = new ArrayList<>();
    for (Extractor x : Extractors.all()) {
      ExtractorSettings s = config.extractor(x.id());
      if (!s.enabled() || (!only.isEmpty() && !only.contains(x.id()))) {
        continue;
      }
      ExtractContext ctx = new ExtractContext(config, s, systemPrompt(repo), categorizer, progress);
      Path file = outDir.resolve(x.id() + ".jsonl");
      long n;
      repo.observe(ctx.coverage());
      try (Stream<Example> examples = x.extract(repo, ctx).map(sanitizer); JsonlWriter w = JsonlWriter.open(file)) {
        n = s.maxExamples() > 0 ? writeSampled(examples, s.maxExamples(), w, ctx) : writeAll(examples, w);
        w.commit();
      } finally {
        repo.observe(null);
      }
      outputs.add(new Output(x.id(), file, n, ctx.coverage().snapshot()));
    }
    return outputs;
  }

  /** Streams every example of the enabled extractors, without writing files (for {@code quarry extract -o}). */
  public long runInto(Repository repo, JsonlWriter w, List<String> only, List<Coverage.Report> reports) {
    Categorizer categorizer = new Categorizer(config);
    long total = 0;
    for (Extractor x : Extractors.all()) {
      ExtractorSettings s = config.extractor(x.id());
      if (!s.enabled() || (!only.isEmpty() && !only.contains(x.id()))) {
        continue;
      }
      ExtractContext ctx = new ExtractContext(config, s, systemPrompt(repo), categorizer, progress);
      repo.observe(ctx.coverage());
      try (Stream<Example> examples = x.extract(repo, ctx).map(sanitizer)) {
        total += s.maxExamples() > 0 ? writeSampled(examples, s.maxExamples(), w, ctx) : writeAll(examples, w);
      } finally {
        repo.observe(null);
      }
      reports.add(ctx.coverage().snapshot());
    }
    return total;
  }

  /**
   * Writes the coverage report of a {@link #run} to {@code file} (e.g. {@code reports/coverage.json}): the
   * repository walk's skips, then each extractor's counts and skips.
   */
  public static void writeCoverage(Path file, Repository repo, List<Output> outputs) throws IOException {
    CoverageReport.write(file, repo, outputs.stream().map(Output::coverage).toList());
  }

  private static long writeAll(Stream<Example> examples, JsonlWriter w) {
    long n = 0;
    for (Iterator<Example> it = examples.iterator(); it.hasNext(); ) {
      w.write(it.next());
      n++;
    }
    return n;
  }

  private static long writeSampled(Stream<Example> examples, int budget, JsonlWriter w, ExtractContext ctx) {
    // Keeps the budget's worth of smallest hash keys; memory is bounded by the budget, not the repository.
    TreeMap<String, Object[]> kept = new TreeMap<>();
    long index = 0;
    for (Iterator<Example> it = examples.iterator(); it.hasNext(); ) {
      Example e = it.next();
      String key = Hashing.sha256(e.id()) + e.id() + String.format("%019d", index);
      kept.put(key, new Object[] {index++, e});
      if (kept.size() > budget) {
        Map.Entry<String, Object[]> dropped = kept.pollLastEntry();
        Example d = (Example) dropped.getValue()[1];
        ctx.coverage().skip(d.source().path(), d.source().symbol(), SkipReason.OVER_BUDGET,
            "max_examples " + budget);
        ctx.coverage().unwritten(1);
      }
    }
    List<Object[]> inOrder = new ArrayList<>(kept.values());
    inOrder.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
    inOrder.forEach(o -> w.write((Example) o[1]));
    return inOrder.size();
  }

}
