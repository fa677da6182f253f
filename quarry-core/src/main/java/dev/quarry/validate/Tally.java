package dev.quarry.validate;

import dev.quarry.config.MentionPolicy;
import dev.quarry.model.Severity;
import dev.quarry.validate.rules.AttributionMentionRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of a run as it goes; turned into a {@link ValidationReport} at the end. Not thread-safe. */
final class Tally {
  static final String JSON_RULE = "json";

  private final ActiveRules rules;
  private final Map<String, long[]> perRule = new LinkedHashMap<>();
  private final Map<String, String> severity = new LinkedHashMap<>();
  private final Map<String, String> description = new LinkedHashMap<>();
  private final Map<String, CategoryStats> categories = new TreeMap<>();
  private final List<FixedRecord> fixes = new ArrayList<>();
  private long in;
  private long accepted;
  private long mentionsAlone;
  private final CheckCounts checks = new CheckCounts();

  Tally(ActiveRules rules, List<Rule> registry) {
    this.rules = rules;
    for (Rule r : registry) {
      perRule.put(r.id(), new long[5]);
      description.put(r.id(), r.description());
      severity.put(r.id(), "off");
    }
    for (ActiveRules.Active a : rules.active()) {
      severity.put(a.rule().id(), a.severityName());
    }
    perRule.put(JSON_RULE, new long[5]);
    severity.put(JSON_RULE, "error");
    description.put(JSON_RULE, "every line is a JSON object (checked by the reader)");
  }

  void record(String category, Outcome o) {
    in++;
    boolean ok = !o.rejected();
    if (ok) {
      accepted++;
    }
    categories.merge(category, CategoryStats.empty().plus(ok), (a, b) -> a.plus(ok));
    checks.add(o.example());
    List<ActiveRules.Active> active = rules.active();
    for (int i = 0; i < active.size(); i++) {
      if (o.applied()[i]) {
        perRule.get(active.get(i).rule().id())[3]++;
      }
    }
    String last = null;
    for (Finding f : o.findings()) {
      long[] c = counts(f.rule());
      c[f.severity().ordinal()]++;
      if (!f.rule().equals(last)) {
        // Findings of one rule are contiguous (rules run in order), so this counts each record once.
        c[4]++;
        last = f.rule();
      }
    }
    if (o.fixed() != null) {
      fixes.add(o.fixed());
    }
    if (!ok && o.findings().stream().filter(f -> f.severity() == Severity.ERROR)
        .allMatch(f -> f.rule().equals(AttributionMentionRule.ID))) {
      mentionsAlone++;
    }
  }

  void malformed(Finding f) {
    in++;
    categories.merge(ValidationReport.MALFORMED, CategoryStats.empty().plus(false), (a, b) -> a.plus(false));
    long[] c = counts(f.rule());
    c[Severity.ERROR.ordinal()]++;
    c[3]++;
    c[4]++;
  }

  private long[] counts(String rule) {
    return perRule.computeIfAbsent(rule, k -> {
      severity.put(k, "error");
      description.put(k, k);
      return new long[5];
    });
  }

  ValidationReport report(List<String> inputs, FindingLog log, MentionPolicy policy) {
    List<RuleStats> stats = new ArrayList<>();
    perRule.forEach((id, c) -> stats.add(new RuleStats(id, severity.get(id), description.get(id), c[0], c[1], c[2],
        c[3], c[4])));
    return new ValidationReport(inputs, in, accepted, in - accepted, stats, categories, fixes, log,
        new ValidationReport.Mentions(policy, mentionsAlone), checks.toJson());
  }
}
