package dev.quarry.dataset.analyze;

import dev.quarry.ProgressListener;
import dev.quarry.config.CategorySpec;
import dev.quarry.config.QuarryConfig;
import dev.quarry.dataset.Findings;
import dev.quarry.dataset.QualityMarkers;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Describes a dataset ({@code quarry analyze}) in one streaming pass over one or more files: memory holds
 * counters and three token histograms, never records.
 *
 * <p>Quality table: an example that carries {@code meta.findings} (written by validate) is judged by them:
 * it lacks tests, error handling or type hints when a warning or error finding's rule id mentions
 * {@code test}, {@code error} or {@code type}. An example without findings is judged by text markers of
 * its answers ({@link QualityMarkers}); {@code from_findings} tells how many rows used which.
 */
public final class Analyzer {
  private final QuarryConfig config;
  private final ProgressListener progress;

  /**
   * @param config categories (and targets), tokenizer and token limit
   * @param progress receives progress
   */
  public Analyzer(QuarryConfig config, ProgressListener progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Analyses {@code inputs}: the split files of a dataset (per-split counts are then reported, named by file
   * stem) or one file.
   *
   * @throws dev.quarry.InputException when an input is missing or has a malformed line
   * @throws dev.quarry.ConfigException when the configured tokenizer is unknown
   */
  public AnalysisReport run(List<Path> inputs) throws IOException {
    TokenCounter tokens = TokenCounter.of(config.validate().tokenizer(), config.origin());
    Map<String, Long> categories = new TreeMap<>();
    Map<String, Long> extractors = new TreeMap<>();
    Map<String, Long> languages = new TreeMap<>();
    Map<String, Map<String, Long>> splits = new LinkedHashMap<>();
    Map<String, QualityRow> quality = new TreeMap<>();
    EnumMap<Role, TokenHistogram> perRole = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      perRole.put(r, new TokenHistogram());
    }
    TokenHistogram perExample = new TokenHistogram();
    long total = 0;
    long over = 0;
    progress.start("analyze", -1);
    for (Path in : inputs) {
      Map<String, Long> split = splits.computeIfAbsent(stem(in, splits), k -> new TreeMap<>());
      try (Stream<Example> s = JsonlReader.examples(in)) {
        for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
          Example e = it.next();
          total++;
          categories.merge(e.category(), 1L, Long::sum);
          extractors.merge(e.source().extractor(), 1L, Long::sum);
          languages.merge(e.language(), 1L, Long::sum);
          split.merge(e.category(), 1L, Long::sum);
          quality.merge(e.category(), judge(e), QualityRow::plus);
          int sum = 0;
          for (Message m : e.messages()) {
            int t = tokens.count(m.content());
            perRole.get(m.role()).add(t);
            sum += t;
          }
          perExample.add(sum);
          if (sum > config.validate().maxTokens()) {
            over++;
          }
          progress.advance(1);
        }
      }
    }
    progress.done();
    Map<String, TokenStats> tokenStats = new LinkedHashMap<>();
    for (Role r : Role.values()) {
      TokenStats st = perRole.get(r).stats();
      if (r != Role.TOOL || st.count() > 0) {
        // Tool results are listed only in a dataset that has them.
        tokenStats.put(r.wire(), st);
      }
    }
    tokenStats.put("example", perExample.stats());
    List<Gap> gaps = new ArrayList<>();
    for (CategorySpec c : config.categories()) {
      if (c.target() > 0) {
        gaps.add(Gap.of(c.name(), c.target(), categories.getOrDefault(c.name(), 0L)));
      }
    }
    long uncategorized = categories.getOrDefault(dev.quarry.io.RecordImport.UNCATEGORIZED, 0L);
    if (uncategorized > 0 && !config.categoryNames().contains(dev.quarry.io.RecordImport.UNCATEGORIZED)) {
      // Imported records no category rule matched: every one is a surplus to move into a real category.
      gaps.add(Gap.of(dev.quarry.io.RecordImport.UNCATEGORIZED, 0, uncategorized));
    }
    return new AnalysisReport(inputs.stream().map(Path::toString).toList(), total,
        config.validate().tokenizer(), config.validate().maxTokens(), over, configOrder(categories), extractors,
        languages, inputs.size() > 1 ? splits : Map.of(), tokenStats, configOrder(quality), gaps);
  }

  private <V> Map<String, V> configOrder(Map<String, V> byName) {
    Map<String, V> out = new LinkedHashMap<>();
    for (String c : config.categoryNames()) {
      if (byName.containsKey(c)) {
        out.put(c, byName.get(c));
      }
    }
    byName.forEach(out::putIfAbsent);
    return out;
  }

  private static QualityRow judge(Example e) {
    boolean tests;
    boolean errors;
    boolean types;
    Findings f = Findings.of(e);
    boolean fromFindings = Findings.present(e);
    if (fromFindings) {
      tests = f.rules().stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).contains("test"));
      errors = f.rules().stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).contains("error"));
      types = f.rules().stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).contains("type"));
    } else {
      StringBuilder answers = new StringBuilder();
      e.messages().stream().filter(m -> m.role() == Role.ASSISTANT).forEach(m -> answers.append(m.content()));
      String a = answers.toString();
      tests = QualityMarkers.tests(a);
      errors = QualityMarkers.errorHandling(a);
      types = QualityMarkers.typeHints(a);
    }
    return new QualityRow(1, tests ? 1 : 0, errors ? 1 : 0, types ? 1 : 0, f.errors(), f.warnings(),
        fromFindings ? 1 : 0);
  }

  private static String stem(Path p, Map<String, ?> taken) {
    String name = p.getFileName().toString();
    String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return taken.containsKey(stem) ? p.toString() : stem;
  }
}
