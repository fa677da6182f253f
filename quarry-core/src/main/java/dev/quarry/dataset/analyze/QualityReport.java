package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training-data quality figures of a dataset ({@link QualityAnalyzer#run}), as written to
 * {@code reports/quality.json}.
 *
 * @param inputs the analysed files, as given
 * @param overall counters over every example
 * @param extractors counters per {@code source.extractor}, by id
 * @param importsByLanguage per answer language, {@code [code answers, with an import line]}, by language
 * @param distinctOpenings distinct first-five-word openings of first prompts (lower case)
 * @param systemPrompts distinct system prompts
 * @param topSystemPrompt examples carrying the most frequent system prompt
 * @param repositoryKnown whether source files were read (verbatim ratios from spans, test framework from files)
 * @param answersWithOpening answers with a first sentence of prose
 * @param sharedOpenings of those, the answers whose first sentence at least 5 % of them share
 */
public record QualityReport(List<String> inputs, QualityCounts overall, Map<String, QualityCounts> extractors,
    Map<String, long[]> importsByLanguage, long distinctOpenings, long systemPrompts, long topSystemPrompt,
    boolean repositoryKnown, long answersWithOpening, long sharedOpenings) {
  /** Copies, sorting the maps by key. */
  public QualityReport {
    inputs = List.copyOf(inputs);
    extractors = Collections.unmodifiableMap(new TreeMap<>(extractors));
    importsByLanguage = Collections.unmodifiableMap(new TreeMap<>(importsByLanguage));
  }

  /** Distinct prompt openings over examples, in [0, 1]. */
  public double promptDiversity() {
    return QualityCounts.share(distinctOpenings, overall.examples());
  }

  /** The most frequent system prompt's share of examples. */
  public double topSystemPromptShare() {
    return QualityCounts.share(topSystemPrompt, overall.examples());
  }

  /** The share of answers (with prose) whose first sentence at least 5 % of the answers share. */
  public double sharedOpeningShare() {
    return QualityCounts.share(sharedOpenings, answersWithOpening);
  }

  /**
   * The report as JSON:
   * <pre>{@code
   * {"stage": "quality", "inputs": [...], "repository_known": bool,
   *  "overall": {QualityCounts...},
   *  "prompt_diversity": {"distinct_openings": N, "share": 0-1},
   *  "system_prompts": {"distinct": N, "top_share": 0-1},
   *  "answer_openings": {"answers": N, "shared": N, "shared_share": 0-1, "threshold": 0.05},
   *  "imports_by_language": {"<lang>": {"code_answers": N, "with_imports": N, "share": 0-1}},
   *  "extractors": {"<id>": {QualityCounts...}}}
   * }</pre>
   * See {@link QualityCounts#toJson()} for the counters.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "quality");
    ArrayNode in = o.putArray("inputs");
    inputs.forEach(in::add);
    o.put("repository_known", repositoryKnown);
    o.set("overall", overall.toJson());
    o.putObject("prompt_diversity").put("distinct_openings", distinctOpenings).put("share", promptDiversity());
    o.putObject("system_prompts").put("distinct", systemPrompts).put("top_share", topSystemPromptShare());
    o.putObject("answer_openings").put("answers", answersWithOpening).put("shared", sharedOpenings)
        .put("shared_share", sharedOpeningShare()).put("threshold", AnswerOpenings.THRESHOLD);
    ObjectNode langs = o.putObject("imports_by_language");
    importsByLanguage.forEach((l, v) -> langs.putObject(l).put("code_answers", v[0]).put("with_imports", v[1])
        .put("share", QualityCounts.share(v[1], v[0])));
    ObjectNode ex = o.putObject("extractors");
    extractors.forEach((id, c) -> ex.set(id, c.toJson()));
    return o;
  }
}
