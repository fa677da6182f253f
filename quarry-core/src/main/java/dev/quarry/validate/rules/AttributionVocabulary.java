package dev.quarry.validate.rules;

import dev.quarry.config.ValidateSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms of one run, by role, behind one {@link TermMatcher} that finds them all in a single pass: names
 * (built-in {@link AttributionTerms#TERMS} and {@link AttributionTerms#PHRASES} plus
 * {@code validate.attribution.terms}), context words, generic words, self-references and trailer domains.
 * Immutable and thread-safe.
 */
final class AttributionVocabulary {
  /** What a term is. */
  enum Role { NAME, CONTEXT, GENERIC, SELF, DOMAIN }

  private final TermMatcher matcher;
  private final java.util.Map<String, Role> roles = new java.util.HashMap<>();

  AttributionVocabulary(List<String> extraTerms, List<String> extraAllow) {
    List<String> all = new ArrayList<>();
    add(all, AttributionTerms.SELF, Role.SELF);
    add(all, AttributionTerms.TERMS, Role.NAME);
    add(all, AttributionTerms.PHRASES, Role.NAME);
    add(all, extraTerms, Role.NAME);
    add(all, AttributionTerms.CONTEXT, Role.CONTEXT);
    add(all, AttributionTerms.GENERIC, Role.GENERIC);
    add(all, AttributionTerms.DOMAINS, Role.DOMAIN);
    List<String> allow = new ArrayList<>(AttributionTerms.ALLOWED);
    allow.addAll(extraAllow);
    this.matcher = new TermMatcher(all, allow);
  }

  /** The vocabulary of {@code s}: built-ins plus the configured terms and allow-list. */
  static AttributionVocabulary of(ValidateSettings s) {
    return new AttributionVocabulary(s.attributionTerms(), s.attributionAllow());
  }

  private void add(List<String> all, List<String> terms, Role role) {
    Set<String> seen = new HashSet<>();
    for (String t : terms) {
      if (seen.add(t)) {
        all.add(t);
        roles.putIfAbsent(t, role);
      }
    }
  }

  /** Every occurrence of every term in {@code words}. */
  List<TermMatcher.Match> find(List<Words.Word> words) {
    return matcher.find(words);
  }

  /** The role of a term as {@link TermMatcher.Match#term()} reports it. */
  Role role(String term) {
    return roles.getOrDefault(term, Role.NAME);
  }

  /** Whether {@code term} names a vendor or product on its own. */
  boolean name(String term) {
    return role(term) == Role.NAME;
  }
}
