package dev.quarry.extract;

import dev.quarry.ProgressListener;
import dev.quarry.config.ConfigLoader;
import dev.quarry.config.ExtractorSettings;
import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one extractor over a fixture repository for tests and keeps what it produced and its coverage report.
 *
 * @param examples the examples, in stream order
 * @param coverage the coverage report after the stream was drained
 */
public record ExtractRun(List<Example> examples, Coverage.Report coverage) {
  /** The system prompt used by {@link #of}. */
  public static final String SYSTEM = "You are a test system prompt.";

  /** Runs {@code x} over {@code repo} with the extractor's settings from {@code yaml} (may be empty). */
  public static ExtractRun of(Extractor x, Path repo, String yaml) {
    QuarryConfig config = yaml.isBlank() ? QuarryConfig.defaults() : ConfigLoader.parse("quarry.yaml", yaml);
    ExtractorSettings s = config.extractor(x.id());
    ExtractContext ctx = new ExtractContext(config, s, SYSTEM, new Categorizer(config), ProgressListener.NONE);
    try (Stream<Example> st = x.extract(Repository.open(repo), ctx)) {
      List<Example> list = st.toList();
      return new ExtractRun(list, ctx.coverage().snapshot());
    }
  }

  /** The folder of fixture {@code src/test/resources/extract/<name>}. */
  public static Path fixture(String name) {
    try {
      return Path.of(ExtractRun.class.getResource("/extract/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture extract/" + name, e);
    }
  }

  /** The example whose symbol is {@code symbol}. */
  public Example bySymbol(String symbol) {
    return examples.stream().filter(e -> symbol.equals(e.source().symbol())).findFirst()
        .orElseThrow(() -> new AssertionError("no example with symbol " + symbol + " among "
            + examples.stream().map(e -> e.source().symbol()).toList()));
  }
}
