package dev.quarry.validate.rules;

import dev.quarry.config.MentionPolicy;
import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * <em>Mentions</em> of an AI vendor, product or model that claim no authorship: an import, a package, a model
 * id, a URL, an identifier or prose about an integration ({@code from openai import OpenAI},
 * {@code '@ai-sdk/anthropic'}, {@code 'gpt-4o'}, "the Anthropic provider"). What they do follows
 * {@code validate.attribution.mentions}: {@code reject} (default, the strict policy) makes each an error;
 * {@code allow-in-code} only those in prose ({@link CodeContext}) of a record whose code names no AI product
 * (prose beside {@code import openai} is about that integration); {@code allow} none. The severity itself is
 * not configurable: the policy is the one switch. Every field is read, as by {@link AttributionRule}, which
 * reports authorship claims whatever the policy.
 */
public final class AttributionMentionRule implements dev.quarry.validate.Rule {
  /** The rule id. */
  public static final String ID = "attribution-mention";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public boolean severityConfigurable() {
    return false;
  }

  @Override
  public String description() {
    return "AI vendor, product or model names that claim no authorship, per validate.attribution.mentions "
        + "(reject | allow-in-code | allow)";
  }

  @Override
  public boolean appliesTo(Example e, RuleContext ctx) {
    return ctx.settings().mentions() != MentionPolicy.ALLOW;
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    MentionPolicy p = ctx.settings().mentions();
    List<Finding> out = new ArrayList<>();
    if (p == MentionPolicy.ALLOW) {
      return out.stream();
    }
    for (AttributionScan.Hit h : AttributionScan.of(e, ctx)) {
      if (h.kind() != AttributionScan.Kind.MENTION || (p == MentionPolicy.ALLOW_IN_CODE && h.inCode())) {
        continue;
      }
      String written = h.written().equalsIgnoreCase(h.what()) ? "" : " (written \"" + h.written() + "\")";
      out.add(Finding.error(id(), "mention of an AI product: \"" + h.what() + "\"" + written
          + (h.inCode() ? " in code" : " in prose") + " (rephrase it, list it in validate.attribution.allow, or set "
          + "validate.attribution.mentions: " + (h.inCode() ? "allow-in-code" : "allow") + ")", h.location()));
    }
    return out.stream();
  }
}
