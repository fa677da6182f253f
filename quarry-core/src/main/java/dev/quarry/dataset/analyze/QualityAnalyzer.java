package dev.quarry.dataset.analyze;

import dev.quarry.ProgressListener;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Computes the training-data quality figures of a dataset ({@code reports/quality.json}, {@code quarry analyze}):
 * code-only share, reasoning share, imports share, multi-turn share, goal-first share, prompt diversity,
 * verbatim share, span overlap between extractors, leftover placeholders, the top system prompt's share, the
 * share of answers opening with a sentence many others share ({@link AnswerOpenings}) and
 * Jest mislabels of TypeScript tests — overall and per extractor.
 *
 * <p>Two streaming passes: the first collects the symbol names ({@code source.symbol}) and line spans of every
 * record (a few ints and names per record), the second judges each example. Never holds records.
 */
public final class QualityAnalyzer {
  private final Path repo;
  private final ProgressListener progress;

  /**
   * @param repo the repository the dataset was mined from, or null: verbatim ratios then come only from
   *     {@code meta.verbatim}, and the test framework from the answer
   * @param progress receives progress
   */
  public QualityAnalyzer(Path repo, ProgressListener progress) {
    this.repo = repo == null ? null : repo.toAbsolutePath().normalize();
    this.progress = progress;
  }

  /**
   * Analyses {@code inputs} (one dataset file or its split files).
   *
   * @throws dev.quarry.InputException when an input is missing or has a malformed line
   */
  public QualityReport run(List<Path> inputs) throws IOException {
    Set<String> symbols = new HashSet<>();
    SpanIndex spans = new SpanIndex();
    for (Path in : inputs) {
      try (Stream<Example> s = JsonlReader.examples(in)) {
        s.forEach(e -> {
          QualityJudge.addSymbol(symbols, e.source().symbol());
          spans.add(e.source());
        });
      }
    }
    QualityJudge judge = new QualityJudge(symbols, spans, repo);
    QualityCounts overall = QualityCounts.empty();
    Map<String, QualityCounts> perExtractor = new TreeMap<>();
    Map<String, long[]> imports = new TreeMap<>();
    Set<String> openings = new HashSet<>();
    Map<String, Long> systemPrompts = new HashMap<>();
    AnswerOpenings answerOpenings = new AnswerOpenings();
    progress.start("quality", -1);
    for (Path in : inputs) {
      try (Stream<Example> s = JsonlReader.examples(in)) {
        for (Iterator<Example> it = s.iterator(); it.hasNext(); ) {
          Example e = it.next();
          TextScan answer = TextScan.of(e.finalAnswer());
          QualityCounts c = judge.judge(e, answer);
          overall = overall.plus(c);
          perExtractor.merge(e.source().extractor(), c, QualityCounts::plus);
          if (c.codeAnswers() > 0) {
            long[] l = imports.computeIfAbsent(e.language(), k -> new long[2]);
            l[0]++;
            l[1] += c.withImports();
          }
          openings.add(opening(QualityJudge.firstUser(e)));
          systemPrompts.merge(e.systemPrompt(), 1L, Long::sum);
          answerOpenings.add(e.finalAnswer());
          progress.advance(1);
        }
      }
    }
    progress.done();
    long top = systemPrompts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return new QualityReport(inputs.stream().map(Path::toString).toList(), overall, perExtractor, imports,
        openings.size(), systemPrompts.size(), top, repo != null, answerOpenings.answers(), answerOpenings.shared());
  }

  /** The first five words, lower case, punctuation dropped. */
  static String opening(String prompt) {
    String[] words = prompt.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\s]", " ").strip().split("\\s+");
    return String.join(" ", List.of(words).subList(0, Math.min(5, words.length)));
  }
}
