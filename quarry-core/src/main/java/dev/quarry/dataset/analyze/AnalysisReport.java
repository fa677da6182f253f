package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution of a dataset ({@link Analyzer#run}). Analysis drops nothing: {@code out == in},
 * {@code removed == 0}. Maps keep a documented order: categories in configuration order then unconfigured
 * ones by name; extractors and languages by name; splits in input order; token roles
 * {@code system, user, assistant, example}.
 *
 * @param inputs the analysed files, as given
 * @param in examples read
 * @param tokenizer the tokenizer name, e.g. {@code cl100k_base}
 * @param maxTokens the configured per-example limit ({@code validate.max_tokens})
 * @param overMaxTokens examples longer than {@code maxTokens}
 * @param categories examples per category
 * @param extractors examples per {@code source.extractor}
 * @param languages examples per language
 * @param splits per input file stem (e.g. {@code train}) examples per category; empty for one input
 * @param tokens token statistics per role (per message) and per whole example
 * @param quality the quality table, per category
 * @param gaps per category with a target, in configuration order
 */
public record AnalysisReport(List<String> inputs, long in, String tokenizer, int maxTokens, long overMaxTokens,
    Map<String, Long> categories, Map<String, Long> extractors, Map<String, Long> languages,
    Map<String, Map<String, Long>> splits, Map<String, TokenStats> tokens, Map<String, QualityRow> quality,
    List<Gap> gaps) {

  /** Copies everything, keeping the given orders. */
  public AnalysisReport {
    inputs = List.copyOf(inputs);
    categories = ordered(categories);
    extractors = ordered(extractors);
    languages = ordered(languages);
    Map<String, Map<String, Long>> s = new LinkedHashMap<>();
    splits.forEach((k, v) -> s.put(k, ordered(v)));
    splits = Collections.unmodifiableMap(s);
    tokens = ordered(tokens);
    quality = ordered(quality);
    gaps = List.copyOf(gaps);
  }

  /** Equal to {@link #in}: analysis writes nothing and drops nothing. */
  public long out() {
    return in;
  }

  /** Always 0. */
  public long removed() {
    return 0;
  }

  /**
   * The report as JSON. Field names are stable (the HTML report reads them):
   * <pre>{@code
   * {"stage": "analyze", "inputs": ["…"], "in": N, "out": N, "removed": 0,
   *  "tokenizer": "cl100k_base", "max_tokens": 4096, "over_max_tokens": N,
   *  "categories": {"<name>": {"count": N, "share": 0.0-1.0}},      // configuration order, then by name
   *  "extractors": {"<id>": {"count": N, "share": …}},              // by id
   *  "languages":  {"<lang>": {"count": N, "share": …}},            // by name
   *  "splits": {"<stem>": {"total": N, "categories": {"<name>": N}}},  // only with several inputs
   *  "tokens": {"system"|"user"|"assistant"|"example":
   *             {"count", "total", "mean", "min", "p50", "p90", "p99", "max"}},
   *  "quality": {"<category>": {"examples", "with_tests", "with_error_handling", "with_type_hints",
   *              "tests_share", "error_handling_share", "type_hints_share", "errors", "warnings",
   *              "from_findings"}},
   *  "gaps": [{"category", "target", "have", "missing", "surplus"}]}   // categories with a target
   * }</pre>
   * Shares are rounded to 4 decimals; per-role token counts are per message, {@code example} per example
   * (all messages).
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("stage", "analyze");
    ArrayNode ins = o.putArray("inputs");
    inputs.forEach(ins::add);
    o.put("in", in).put("out", out()).put("removed", removed());
    o.put("tokenizer", tokenizer).put("max_tokens", maxTokens).put("over_max_tokens", overMaxTokens);
    counts(o.putObject("categories"), categories);
    counts(o.putObject("extractors"), extractors);
    counts(o.putObject("languages"), languages);
    ObjectNode sp = o.putObject("splits");
    splits.forEach((name, cats) -> {
      ObjectNode so = sp.putObject(name);
      so.put("total", cats.values().stream().mapToLong(Long::longValue).sum());
      ObjectNode co = so.putObject("categories");
      cats.forEach(co::put);
    });
    ObjectNode tk = o.putObject("tokens");
    tokens.forEach((role, st) -> tk.set(role, st.toJson()));
    ObjectNode q = o.putObject("quality");
    quality.forEach((c, row) -> q.set(c, row.toJson()));
    ArrayNode g = o.putArray("gaps");
    gaps.forEach(x -> g.addObject().put("category", x.category()).put("target", x.target()).put("have", x.have())
        .put("missing", x.missing()).put("surplus", x.surplus()));
    return o;
  }

  private void counts(ObjectNode node, Map<String, Long> m) {
    m.forEach((k, v) -> node.putObject(k).put("count", v)
        .put("share", in == 0 ? 0 : Math.round(10000.0 * v / in) / 10000.0));
  }

  private static <V> Map<String, V> ordered(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
