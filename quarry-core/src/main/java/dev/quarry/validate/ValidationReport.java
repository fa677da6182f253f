package dev.quarry.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Version;
import dev.quarry.config.MentionPolicy;
import dev.quarry.io.AtomicFile;
import dev.quarry.io.Json;
import dev.quarry.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of a validation run. {@code in == accepted + rejected} always (lines that are not records are
 * rejected). Rule order is the registry's; categories are sorted by name, so the JSON is deterministic.
 *
 * @param inputs the input files, as given
 * @param in records read (every non-blank line)
 * @param accepted records written to the accepted file
 * @param rejected records written to the rejects file
 * @param rules per-rule counts, registry order, then {@code json} for lines the reader could not parse
 * @param categories per-category counts (malformed lines under {@value #MALFORMED})
 * @param fixes records changed by {@code --fix}, in input order
 * @param findings every finding, for the SARIF report
 * @param mentions the mention policy and how many records a mention alone rejected
 * @param checks counts of {@code meta.execution} / {@code meta.typecheck} results (empty when those rules are off)
 */
public record ValidationReport(List<String> inputs, long in, long accepted, long rejected, List<RuleStats> rules,
    Map<String, CategoryStats> categories, List<FixedRecord> fixes, FindingLog findings, Mentions mentions, ObjectNode checks) {

  /**
   * The records rejected by nothing but mentions of an AI product ({@code attribution-mention} errors and no
   * other error), under the policy of the run: the records that {@code validate.attribution.mentions} decides.
   *
   * @param policy the run's policy
   * @param rejectedAlone records rejected only for mentions
   */
  public record Mentions(MentionPolicy policy, long rejectedAlone) {
    /** The one-line advice for a summary, or empty when no record was rejected for a mention alone. */
    public Optional<String> advice() {
      if (rejectedAlone == 0) {
        return Optional.empty();
      }
      return Optional.of(rejectedAlone + (rejectedAlone == 1 ? " record" : " records")
          + " rejected only for naming an AI product (validate.attribution.mentions: " + policy.wire()
          + "); to keep " + (rejectedAlone == 1 ? "it" : "them") + " set validate.attribution.mentions: "
          + (policy == MentionPolicy.REJECT ? "allow-in-code (names in code) or allow" : "allow")
          + " in quarry.yaml — claims of AI authorship are rejected either way");
    }
  }

  /** Category key of lines that are not records. */
  public static final String MALFORMED = "(malformed)";

  /** Copies collections; categories sorted. */
  public ValidationReport {
    inputs = List.copyOf(inputs);
    rules = List.copyOf(rules);
    categories = java.util.Collections.unmodifiableMap(new TreeMap<>(categories));
    fixes = List.copyOf(fixes);
    checks = checks == null ? JsonNodeFactory.instance.objectNode() : checks.deepCopy();
    if (in != accepted + rejected) {
      throw new IllegalStateException("in " + in + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** The report without execution or type-check counts. */
  public ValidationReport(List<String> inputs, long in, long accepted, long rejected, List<RuleStats> rules,
      Map<String, CategoryStats> categories, List<FixedRecord> fixes, FindingLog findings, Mentions mentions) {
    this(inputs, in, accepted, rejected, rules, categories, fixes, findings, mentions, null);
  }

  /** Whether any finding has severity {@code s} or worse; e.g. {@code ERROR} for {@code --fail-on error}. */
  public boolean hasFindingsAtLeast(Severity s) {
    for (RuleStats r : rules) {
      if (r.errors() > 0 || (r.warnings() > 0 && s != Severity.ERROR) || (r.infos() > 0 && s == Severity.INFO)) {
        return true;
      }
    }
    return false;
  }

  /** The stats of rule {@code id}. */
  public Optional<RuleStats> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The report as JSON: counts, per rule, per category, the quality table and the fixes. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("tool", "quarry").put("version", Version.get());
    ArrayNode ins = o.putArray("inputs");
    inputs.forEach(ins::add);
    o.putObject("counts").put("in", in).put("accepted", accepted).put("rejected", rejected)
        .put("fixed", fixes.size());
    o.set("quality", quality());
    ObjectNode m = o.putObject("mentions").put("policy", mentions.policy().wire())
        .put("rejected_alone", mentions.rejectedAlone());
    mentions.advice().ifPresent(a -> m.put("advice", a));
    ObjectNode rs = o.putObject("rules");
    for (RuleStats r : rules) {
      rs.putObject(r.id()).put("severity", r.severity()).put("description", r.description())
          .put("errors", r.errors()).put("warnings", r.warnings()).put("info", r.infos())
          .put("checked", r.checked()).put("flagged", r.flagged());
    }
    checks.fields().forEachRemaining(f -> o.set(f.getKey(), f.getValue().deepCopy()));
    ObjectNode cs = o.putObject("categories");
    categories.forEach((k, v) -> cs.putObject(k).put("in", v.in()).put("accepted", v.accepted())
        .put("rejected", v.rejected()));
    ArrayNode fx = o.putArray("fixes");
    for (FixedRecord f : fixes) {
      ObjectNode n = fx.addObject().put("from", f.from()).put("to", f.to()).put("accepted", f.accepted());
      ArrayNode list = n.putArray("changes");
      f.fixes().forEach(c -> list.addObject().put("rule", c.rule()).put("location", c.location())
          .put("description", c.description()));
    }
    return o;
  }

  /**
   * The seed's quality table: share of valid records, and of records with code that have tests, error
   * handling and type hints (each over the records its rule applied to; null when the rule is off).
   */
  private ObjectNode quality() {
    ObjectNode q = JsonNodeFactory.instance.objectNode();
    q.put("records", in);
    q.putObject("valid").put("count", accepted).put("pct", pct(accepted, in));
    for (String[] row : new String[][] {{"with_tests", "tests"}, {"error_handling", "error-handling"},
        {"type_hints", "type-hints"}}) {
      Optional<RuleStats> r = rule(row[1]).filter(s -> !s.severity().equals("off"));
      if (r.isEmpty()) {
        q.putNull(row[0]);
      } else {
        long ok = r.get().checked() - r.get().flagged();
        q.putObject(row[0]).put("checked", r.get().checked()).put("count", ok).put("pct", pct(ok, r.get().checked()));
      }
    }
    return q;
  }

  private static BigDecimal pct(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_EVEN);
  }

  /** Writes {@link #toJson()} pretty-printed to {@code p}, atomically. */
  public void writeJson(Path p) throws IOException {
    AtomicFile.writeString(p, Json.pretty().writeValueAsString(toJson()) + "\n");
  }

  /**
   * Writes the findings as a SARIF 2.1.0 log to {@code p}, atomically, with locations relative to {@code bases}.
   */
  public void writeSarif(Path p, SarifBases bases) throws IOException {
    SarifWriter.write(this, p, bases);
  }
}
