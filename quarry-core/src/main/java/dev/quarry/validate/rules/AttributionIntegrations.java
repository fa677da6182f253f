package dev.quarry.validate.rules;

import dev.quarry.config.MentionPolicy;
import dev.quarry.model.Example;
import dev.quarry.validate.RuleContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AI products a validation run's code integrates: every product some record names in code (an import, a
 * model id, a string or identifier in a code block). Under {@code validate.attribution.mentions: allow-in-code} a
 * prose mention of one of them anywhere in the run is about that integration ("run this server inside Claude
 * Desktop" in the docs of an SDK whose code writes Claude Desktop's configuration) and is kept like a mention in
 * code; authorship claims are never affected. Collected by the validate stage in one read of its inputs before
 * validating ({@link #collector}); a run without that read integrates nothing. The set is small (product names).
 */
public final class AttributionIntegrations {
  private static final String KEY = "attribution.integrations";

  private AttributionIntegrations() {}

  /** Whether the run's policy needs the set ({@code allow-in-code}). */
  public static boolean wanted(RuleContext ctx) {
    return ctx.settings().mentions() == MentionPolicy.ALLOW_IN_CODE;
  }

  /** Gathers the products named in code, one record at a time. Not thread-safe. */
  public static final class Collector {
    private final RuleContext ctx;
    private final Set<String> names = new TreeSet<>();

    private Collector(RuleContext ctx) {
      this.ctx = ctx;
    }

    /** Adds the products {@code e}'s code names. */
    public void add(Example e) {
      names.addAll(AttributionScan.namedInCode(e, ctx));
    }

    /** Makes the collected set the run's (before any record is validated with {@code ctx}'s run). */
    public Set<String> install() {
      Set<String> copy = Set.copyOf(names);
      return ctx.shared(KEY, () -> copy);
    }
  }

  /** A collector for the run of {@code ctx} (it uses a context of its own for the scan). */
  public static Collector collector(RuleContext ctx) {
    return new Collector(ctx.forAnotherThread());
  }

  /** The run's set; empty when none was collected. */
  static Set<String> of(RuleContext ctx) {
    return ctx.shared(KEY, Set::of);
  }
}
