package dev.quarry.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import dev.quarry.model.RecordException;
import dev.quarry.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the active rules over one record, applies configured severities, and for {@code --fix} repairs what
 * the fixable rules can and validates the result again. Not thread-safe (it owns a {@link RuleContext}).
 */
final class RecordValidator {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private final ActiveRules rules;
  private final RuleContext ctx;
  private final boolean fix;
  private final long[] nanos;

  RecordValidator(ActiveRules rules, RuleContext ctx, boolean fix) {
    this(rules, ctx, fix, null);
  }

  /**
   * A validator that also adds the CPU time (of the calling thread) each active rule takes to {@code nanos}
   * (indexed like {@link ActiveRules#active()}; null: not timed). A rule that first asks for a syntax tree pays
   * its parse.
   */
  RecordValidator(ActiveRules rules, RuleContext ctx, boolean fix, long[] nanos) {
    this.rules = rules;
    this.ctx = ctx;
    this.fix = fix;
    this.nanos = nanos;
  }

  RuleContext context() {
    return ctx;
  }

  Outcome validate(Example original) {
    boolean[] applied = new boolean[rules.active().size()];
    List<Finding> findings = check(original, applied);
    Example e = original;
    FixedRecord fixed = null;
    if (fix && !findings.isEmpty()) {
      List<Fix> fixes = new ArrayList<>();
      Example repaired = repair(original, findings, fixes);
      if (repaired != original) {
        e = repaired;
        findings = check(e, applied);
        fixed = new FixedRecord(original.id(), e.id(), findings.stream().noneMatch(f -> f.severity() == Severity.ERROR),
            fixes);
      }
    }
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> notes = ctx.annotations();
    ctx.release();
    if (!notes.isEmpty()) {
      ObjectNode meta = e.metaCopy();
      notes.forEach(meta::set);
      e = e.withMeta(meta);
    }
    boolean rejected = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    // A rejected record lists its findings in "rejection"; repeating them in meta would only add noise.
    return new Outcome(annotate(e, rejected ? List.of() : findings, fixed), findings, applied, fixed);
  }

  private List<Finding> check(Example e, boolean[] applied) {
    List<Finding> out = new ArrayList<>();
    List<ActiveRules.Active> active = rules.active();
    for (int i = 0; i < active.size(); i++) {
      ActiveRules.Active a = active.get(i);
      Rule r = a.rule();
      long t0 = nanos == null ? 0 : CPU.getCurrentThreadCpuTime();
      try {
        applied[i] = r.appliesTo(e, ctx);
        if (!applied[i]) {
          continue;
        }
        r.check(e, ctx).forEach(f -> out.add(a.override().map(f::withSeverity).orElse(f)));
      } catch (dev.quarry.QuarryException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        // A rule bug must not stop a long run nor let the record through unchecked.
        out.add(Finding.error(r.id(), "the rule failed on this record (" + ex.getClass().getSimpleName()
            + "); please report it with the record", Locations.RECORD));
      } finally {
        if (nanos != null) {
          nanos[i] += CPU.getCurrentThreadCpuTime() - t0;
        }
      }
    }
    return out;
  }

  private Example repair(Example e, List<Finding> findings, List<Fix> fixes) {
    Example cur = e;
    for (ActiveRules.Active a : rules.active()) {
      if (!(a.rule() instanceof FixableRule) || findings.stream().noneMatch(f -> f.rule().equals(a.rule().id()))) {
        continue;
      }
      Optional<Repair> r = ((FixableRule) a.rule()).repair(cur, ctx);
      if (r.isEmpty()) {
        continue;
      }
      try {
        Example next = r.get().applyTo(cur);
        if (next.equals(cur)) {
          continue;
        }
        cur = next;
        fixes.addAll(r.get().fixes());
      } catch (RecordException ex) {
        // The repair would break the record (e.g. leave an empty message): not safe, keep it as it was.
      }
    }
    return cur;
  }

  /** Records non-error findings and fixes in meta, so a kept record carries its own warnings downstream. */
  private static Example annotate(Example e, List<Finding> findings, FixedRecord fixed) {
    boolean stale = e.meta().has("findings");
    if (findings.isEmpty() && fixed == null && !stale) {
      return e;
    }
    ObjectNode meta = e.metaCopy();
    meta.remove("findings");
    if (!findings.isEmpty()) {
      ArrayNode arr = meta.putArray("findings");
      for (Finding f : findings) {
        arr.addObject().put("rule", f.rule()).put("severity", f.severity().wire()).put("message", f.message())
            .put("location", f.location());
      }
    }
    if (fixed != null) {
      meta.put("fixed_from", fixed.from());
      ArrayNode arr = meta.putArray("fixes");
      fixed.fixes().forEach(f -> arr.addObject().put("rule", f.rule()).put("location", f.location())
          .put("description", f.description()));
    }
    return e.withMeta(meta);
  }
}
