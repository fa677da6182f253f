package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one place that knows which fields of {@code reports/validation.json} and
 * {@code reports/distribution.json} the export stage reads (the card, the HTML report, the trainer configs).
 * Reads are defensive: either report may be {@code null} or lack a field, and then the answer is empty (the
 * card and the report render "n/a"). Fields read, by JSON pointer (the shapes of
 * {@code ValidationReport.toJson()} and {@code AnalysisReport.toJson()} first, then older or hand-written
 * spellings, the first that exists winning):
 *
 * <ul>
 *   <li>validation: {@code /counts/in}, {@code /counts/accepted}, {@code /counts/rejected}; rejects per rule:
 *       {@code /rules/<id>} with {@code severity} and {@code flagged} (records flagged by an error-level rule
 *       are the records it rejected), else a count table.</li>
 *   <li>distribution: {@code /in}; {@code /categories/<name>/count}; {@code /extractors/<id>/count};
 *       tokens per example {@code /tokens/example/{p50,p90,p99,max,mean}}; a histogram
 *       {@code /tokens/histogram} when present (the analyzer writes none: the report counts one from the
 *       records); targets and gaps {@code /gaps[] {category, target, have, missing}}.</li>
 * </ul>
 *
 * A count table may be an object of numbers ({@code {"db": 3}}), an object of objects
 * ({@code {"db": {"count": 3, "target": 40}}}) or an array of objects with a name field ({@code category},
 * {@code rule}, {@code extractor}, {@code id}, {@code name}, {@code label}) and a count field ({@code count},
 * {@code examples}, {@code rejected}, {@code errors}, {@code n}).
 */
public final class ReportView {
  private static final String[] NAME_FIELDS = {"category", "rule", "extractor", "id", "name", "label", "bucket"};
  private static final String[] COUNT_FIELDS = {"count", "examples", "rejected", "records", "errors", "n", "actual"};

  private final JsonNode validation;
  private final JsonNode distribution;

  /** A view of the two reports; either may be {@code null}. */
  public ReportView(JsonNode validation, JsonNode distribution) {
    this.validation = validation == null ? MissingNode.getInstance() : validation;
    this.distribution = distribution == null ? MissingNode.getInstance() : distribution;
  }

  /** Records the validation accepted. */
  public OptionalLong accepted() {
    return number(validation, "/counts/accepted", "/accepted", "/totals/accepted", "/summary/accepted");
  }

  /** Records the validation rejected. */
  public OptionalLong rejected() {
    return number(validation, "/counts/rejected", "/rejected", "/totals/rejected", "/summary/rejected");
  }

  /** Records the validation read. */
  public OptionalLong validated() {
    return number(validation, "/counts/in", "/input", "/records", "/total", "/counts/input", "/counts/records", "/totals/input",
        "/summary/input");
  }

  /** Rejected records per rule id, in the report's order. */
  public Map<String, Long> rejectsPerRule() {
    JsonNode rules = first(validation, "/rules", "/by_rule", "/rejections_by_rule", "/counts/rules");
    Map<String, Long> out = new LinkedHashMap<>();
    forEachEntry(rules, (id, r) -> {
      if (r.has("flagged") && r.has("severity")) {
        if (r.get("severity").asText().equals("error") && r.get("flagged").asLong() > 0) {
          out.put(id, r.get("flagged").asLong());
        }
      } else {
        JsonNode c = r.isNumber() ? r : firstField(r, COUNT_FIELDS);
        if (c != null && c.isNumber() && c.asLong() > 0) {
          out.put(id, c.asLong());
        }
      }
    });
    return out;
  }

  /** Examples per category, in the report's order. */
  public Map<String, Long> categories() {
    return counts(first(distribution, "/categories", "/by_category"));
  }

  /** The target per category, where the report gives one. */
  public Map<String, Long> targets() {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonNode n = first(distribution, "/categories", "/by_category");
    forEachEntry(n, (name, v) -> {
      JsonNode t = v.path("target");
      if (t.isNumber()) {
        out.put(name, t.asLong());
      }
    });
    for (JsonNode g : first(distribution, "/gaps")) {
      if (g.path("category").isTextual() && g.path("target").isNumber()) {
        out.put(g.get("category").asText(), g.get("target").asLong());
      }
    }
    JsonNode explicit = first(distribution, "/targets");
    forEachEntry(explicit, (name, v) -> {
      if (v.isNumber()) {
        out.put(name, v.asLong());
      }
    });
    return out;
  }

  /** Examples per extractor, in the report's order. */
  public Map<String, Long> extractors() {
    return counts(first(distribution, "/extractors", "/by_extractor", "/sources"));
  }

  /** Examples in the analysed dataset. */
  public OptionalLong total() {
    return number(distribution, "/in", "/total", "/examples", "/records", "/count");
  }

  /** A token statistic ({@code p50}, {@code p90}, {@code p99}, {@code max}, {@code mean}). */
  public OptionalLong tokens(String stat) {
    return number(distribution, "/tokens/example/" + stat, "/tokens/" + stat, "/token_stats/" + stat,
        "/tokens/percentiles/" + stat);
  }

  /** Token-length histogram buckets, label to count, in the report's order. */
  public Map<String, Long> tokenHistogram() {
    JsonNode h = first(distribution, "/tokens/histogram", "/token_stats/histogram", "/token_histogram");
    if (h.isArray()) {
      Map<String, Long> out = new LinkedHashMap<>();
      for (JsonNode b : h) {
        String label = text(b, "label", "bucket", null);
        if (label == null) {
          JsonNode lo = firstField(b, "from", "lo", "min", "lower");
          JsonNode hi = firstField(b, "to", "hi", "max", "upper");
          label = (lo == null ? "" : lo.asText()) + "–" + (hi == null || hi.isNull() ? "" : hi.asText());
        }
        JsonNode c = firstField(b, COUNT_FIELDS);
        out.put(label, c == null ? 0 : c.asLong());
      }
      return out;
    }
    return counts(h);
  }

  /** Human-readable gaps against the targets ("database: 12 of 40, 28 missing"), in the report's order. */
  public List<String> gaps() {
    List<String> out = new ArrayList<>();
    JsonNode g = first(distribution, "/gaps", "/missing");
    if (g.isArray()) {
      for (JsonNode n : g) {
        JsonNode missing = firstField(n, "missing", "gap", "short");
        if (n.isTextual() || missing == null || missing.asLong() > 0) {
          out.add(n.isTextual() ? n.asText() : gapText(text(n, "category", "name", "?"), n));
        }
      }
    } else if (g.isObject()) {
      forEachEntry(g, (name, v) -> out.add(v.isNumber() ? name + ": " + v.asLong() + " missing" : gapText(name, v)));
    } else {
      Map<String, Long> counts = categories();
      targets().forEach((name, target) -> {
        long have = counts.getOrDefault(name, 0L);
        if (have < target) {
          out.add(name + ": " + have + " of " + target + ", " + (target - have) + " missing");
        }
      });
    }
    return out;
  }

  private static String gapText(String name, JsonNode n) {
    JsonNode have = firstField(n, "have", "count", "examples", "actual");
    JsonNode target = firstField(n, "target");
    JsonNode missing = firstField(n, "missing", "gap", "short");
    StringBuilder sb = new StringBuilder(name).append(':');
    if (have != null && target != null) {
      sb.append(' ').append(have.asLong()).append(" of ").append(target.asLong());
    }
    if (missing != null) {
      sb.append(have != null && target != null ? ", " : " ").append(missing.asLong()).append(" missing");
    }
    return sb.toString();
  }

  /** A count table in any of the accepted shapes, name to count, in the report's order. */
  static Map<String, Long> counts(JsonNode n) {
    Map<String, Long> out = new LinkedHashMap<>();
    forEachEntry(n, (name, v) -> {
      if (v.isNumber()) {
        out.put(name, v.asLong());
      } else {
        JsonNode c = firstField(v, COUNT_FIELDS);
        if (c != null && c.isNumber()) {
          out.put(name, c.asLong());
        }
      }
    });
    return out;
  }

  private static void forEachEntry(JsonNode n, java.util.function.BiConsumer<String, JsonNode> f) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        f.accept(e.getKey(), e.getValue());
      }
    } else if (n.isArray()) {
      for (JsonNode v : n) {
        String name = text(v, null, null, null);
        if (name != null) {
          f.accept(name, v);
        }
      }
    }
  }

  private static String text(JsonNode n, String a, String b, String fallback) {
    JsonNode v = a == null ? firstField(n, NAME_FIELDS) : firstField(n, a, b);
    return v == null || !v.isValueNode() ? fallback : v.asText();
  }

  private static JsonNode firstField(JsonNode n, String... fields) {
    for (String f : fields) {
      if (f != null && n.has(f) && !n.get(f).isNull()) {
        return n.get(f);
      }
    }
    return null;
  }

  private static JsonNode first(JsonNode root, String... pointers) {
    for (String p : pointers) {
      JsonNode n = root.at(p);
      if (!n.isMissingNode() && !n.isNull()) {
        return n;
      }
    }
    return MissingNode.getInstance();
  }

  private static OptionalLong number(JsonNode root, String... pointers) {
    JsonNode n = first(root, pointers);
    return n.isNumber() ? OptionalLong.of(Math.round(n.asDouble())) : OptionalLong.empty();
  }
}
