package dev.quarry.extract.code;

import dev.quarry.ProgressListener;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Categorizer;
import dev.quarry.extract.Coverage;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.Repository;
import dev.quarry.model.Example;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs an extractor over a fixture repository under {@code src/test/resources/extract/}. */
public final class ExtractorFixture {
  /** What a run produced. */
  public record Result(List<Example> examples, Coverage.Report coverage) {
    /** The example whose provenance symbol is {@code symbol}. */
    public Example bySymbol(String symbol) {
      return examples.stream().filter(e -> symbol.equals(e.source().symbol())).findFirst()
          .orElseThrow(() -> new AssertionError("no example for " + symbol + " among "
              + examples.stream().map(e -> e.source().symbol()).toList()));
    }

    /** Every symbol in output order. */
    public List<String> symbols() {
      return examples.stream().map(e -> e.source().symbol()).toList();
    }
  }

  private ExtractorFixture() {}

  /** Runs {@code x} with default settings over fixture {@code extract/<dir>}. */
  public static Result run(Extractor x, String dir) {
    return run(x, dir, ExtractorSettings.defaults(x.id()));
  }

  /** Runs {@code x} with {@code settings} over fixture {@code extract/<dir>}. */
  public static Result run(Extractor x, String dir, ExtractorSettings settings) {
    QuarryConfig cfg = QuarryConfig.defaults();
    ExtractContext ctx = new ExtractContext(cfg, settings, "You are an engineer on this codebase.",
        new Categorizer(cfg), ProgressListener.NONE);
    Repository repo = Repository.open(Path.of("src/test/resources/extract", dir));
    try (Stream<Example> s = x.extract(repo, ctx)) {
      List<Example> examples = s.toList();
      return new Result(examples, ctx.coverage().snapshot());
    }
  }
}
