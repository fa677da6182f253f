package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.validate.RecordStrings;
import dev.quarry.validate.RuleContext;
import dev.quarry.validate.rules.AttributionVocabulary.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the attribution rules find in one record, computed once for both: every field of
 * {@link RecordStrings} is folded ({@link FoldedText}), split into {@link Words} and matched against the
 * {@link AttributionVocabulary}; {@link AttributionMarkers} turns claims into attributions, and every other
 * name is a mention, told to be in code or in prose by {@link CodeContext}.
 */
final class AttributionScan {
  /** An authorship claim, or a mention of an AI product. */
  enum Kind { ATTRIBUTION, MENTION }

  /**
   * One thing found.
   *
   * @param kind attribution or mention
   * @param what the kind of attribution, or the term mentioned
   * @param written how it is written in the original, for the message
   * @param location the finding's location ({@link RecordStrings.Field#at})
   * @param inCode whether a mention is in code
   * @param field the field's index in {@link RecordStrings#of}
   * @param start original offset in that field where it starts
   * @param end original end offset (exclusive)
   * @param surface whether a mention names a product's surface: the next word is one of {@link #SURFACES}
   *     ("Claude Desktop", "the GitHub Copilot extension", "the Gemini API")
   * @param plain whether a mention is written plainly (no markup, escapes, invisible or non-ASCII characters):
   *     only a plain mention can be prose about an integration — a disguised one is an evasion
   */
  record Hit(Kind kind, String what, String written, String location, boolean inCode, int field, int start,
      int end, boolean surface, boolean plain) {
    Hit(Kind kind, String what, String written, String location, boolean inCode, int field, int start, int end) {
      this(kind, what, written, location, inCode, field, start, end, false, false);
    }
  }

  /** Words that, right after a product name, make it a surface a platform integrates with, not an author. */
  static final java.util.Set<String> SURFACES = java.util.Set.of("desktop", "extension", "extensions", "plugin",
      "plugins", "app", "apps", "api", "apis", "sdk", "sdks", "client", "clients", "cli", "provider", "providers",
      "integration", "integrations", "endpoint", "endpoints", "server", "servers");

  private static final java.util.regex.Pattern NEXT_WORD =
      java.util.regex.Pattern.compile("\\A[*_`]*(?:['’]s)?[*_`'’\"]*\\s+[*_`'’\"]*([A-Za-z]+)");

  private static final java.util.regex.Pattern SHAREGPT_ROLE =
      java.util.regex.Pattern.compile("meta\\.original\\.conversations\\[\\d+]\\.from");

  private AttributionScan() {}

  /** The hits of {@code e}, in field order; cached for the current example of {@code ctx}. */
  static List<Hit> of(Example e, RuleContext ctx) {
    AttributionVocabulary v = ctx.shared("attribution.vocabulary", () -> AttributionVocabulary.of(ctx.settings()));
    return ctx.perExample(e, "attribution.scan", () -> {
      List<Hit> out = new ArrayList<>();
      List<RecordStrings.Field> fields = RecordStrings.of(e);
      for (int i = 0; i < fields.size(); i++) {
        RecordStrings.Field f = fields.get(i);
        if (f.location().equals("meta.input_format") || f.location().equals("meta.synth.model")
            || SHAREGPT_ROLE.matcher(f.location()).matches()) {
          // Provenance Quarry writes: the format a record was imported from (e.g. openai), and the model that
          // synthesised it (e.g. Qwen/Qwen2.5-Coder-7B-Instruct, issue 13), which no trainer reads as text; and a
          // ShareGPT turn's role tag ("from": "gpt"), which names the turn's author in the format's own words.
          continue;
        }
        boolean code = f.key() || f.kind() == RecordStrings.Kind.SOURCE || f.kind() == RecordStrings.Kind.TAG
            || f.kind() == RecordStrings.Kind.LANGUAGE || f.kind() == RecordStrings.Kind.CATEGORY;
        for (Hit h : text(f.text(), code, v)) {
          out.add(new Hit(h.kind(), h.what(), h.written(), f.at(h.start()), h.inCode(), i, h.start(), h.end(),
              h.surface(), h.plain()));
        }
      }
      return List.copyOf(aboutItsCode(out, AttributionIntegrations.of(ctx)));
    });
  }

  /**
   * The terms {@code e}'s code names (mentions in code, before any prose is counted as about that code), for
   * {@link AttributionIntegrations}; computed without the per-example cache.
   */
  static java.util.Set<String> namedInCode(Example e, RuleContext ctx) {
    AttributionVocabulary v = ctx.shared("attribution.vocabulary", () -> AttributionVocabulary.of(ctx.settings()));
    java.util.Set<String> out = new java.util.TreeSet<>();
    List<RecordStrings.Field> fields = RecordStrings.of(e);
    for (RecordStrings.Field f : fields) {
      if (f.kind() != RecordStrings.Kind.MESSAGE || f.key()) {
        // Only code in the messages is evidence: a path, symbol, tag or meta value naming a product is not.
        continue;
      }
      for (Hit h : text(f.text(), false, v)) {
        if (h.kind() == Kind.MENTION && h.inCode() && h.plain()) {
          out.add(h.what().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return out;
  }

  /**
   * Prose mentions that are about an integration count as code for {@code allow-in-code}: in a record whose own
   * code names an AI product (an import, a model id, its source path or symbol: "This example calls the OpenAI
   * client" beside {@code import openai}), every prose mention; elsewhere, a prose mention of a product that the
   * run's code integrates ({@code integrations}, from {@link AttributionIntegrations}), one naming a product's
   * surface ("the GitHub Copilot extension", "Claude Desktop's config file", "the Gemini API"), and any other of
   * the same product ({@link #family}) in a record that names its surface. Attributions are never changed.
   */
  private static List<Hit> aboutItsCode(List<Hit> hits, java.util.Set<String> integrations) {
    boolean integration = hits.stream().anyMatch(h -> h.kind() == Kind.MENTION && h.inCode());
    java.util.Set<String> evidence = new java.util.HashSet<>();
    integrations.forEach(t -> evidence.addAll(family(t)));
    hits.stream().filter(h -> h.kind() == Kind.MENTION && h.surface()).forEach(h -> evidence.addAll(family(h.what())));
    // The record's own code (existing rule) covers every prose mention; the run's integrations and a named surface
    // cover plainly written ones only.
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      boolean about = h.kind() == Kind.MENTION && !h.inCode() && (integration
          || (h.plain() && (h.surface() || !java.util.Collections.disjoint(family(h.what()), evidence))));
      out.add(about ? new Hit(h.kind(), h.what(), h.written(), h.location(), true, h.field(), h.start(), h.end(),
          h.surface(), h.plain()) : h);
    }
    return out;
  }

  /** Words of a name that are no product of their own ("AI", "Chat", "Pro", a maker's name, a version). */
  private static final java.util.Set<String> NOT_A_PRODUCT = java.util.Set.of("ai", "chat", "code", "pro", "api",
      "cli", "agent", "studio", "large", "small", "medium", "ultra", "flash", "nano", "advanced", "assist", "ide",
      "edits", "workspace", "command", "developer", "editor", "bot", "google", "microsoft", "meta", "amazon",
      "github", "sourcegraph", "xai", "replit", "bing", "#", "-#", "#.#", "q");

  /**
   * The product a mentioned term belongs to, as its distinctive words ("Copilot Chat" and "GitHub Copilot" share
   * {@code copilot}; "Gemini Pro" and "Google Gemini" share {@code gemini}).
   */
  static java.util.Set<String> family(String term) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : term.toLowerCase(java.util.Locale.ROOT).split("[\\s_]+")) {
      if (!w.isEmpty() && !NOT_A_PRODUCT.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The hits of one string ({@code location} empty, {@code field} -1); {@code code} when it is code as a whole. */
  static List<Hit> text(String s, boolean code, AttributionVocabulary v) {
    List<Hit> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    FoldedText f = FoldedText.of(s);
    List<Words.Word> words = Words.of(f);
    List<TermMatcher.Match> terms = v.find(words);
    List<AttributionMarkers.Marker> markers = new ArrayList<>(AttributionMarkers.find(f, terms, v));
    List<Integer> markedLines = new ArrayList<>();
    for (AttributionMarkers.Marker m : markers) {
      int from = f.origin(m.start());
      int to = f.origin(m.end() - 1) + 1;
      out.add(new Hit(Kind.ATTRIBUTION, m.kind(), snippet(s, from, to), "", false, -1, from, to));
      markedLines.add(m.line());
    }
    if (FoldedText.hasLink(s)) {
      // Link targets too: [the conventions](CLAUDE.md), [bot](mailto:noreply@anthropic.com).
      FoldedText k = FoldedText.of(s, false);
      for (AttributionMarkers.Marker m : AttributionMarkers.find(k, v.find(Words.of(k)), v)) {
        if (!markedLines.contains(m.line())) {
          int from = k.origin(m.start());
          int to = k.origin(m.end() - 1) + 1;
          out.add(new Hit(Kind.ATTRIBUTION, m.kind(), snippet(s, from, to), "", false, -1, from, to));
          markedLines.add(m.line());
        }
      }
    }
    CodeContext cc = code ? CodeContext.code(s) : CodeContext.of(s);
    List<TermMatcher.Match> names = new ArrayList<>();
    for (TermMatcher.Match n : terms) {
      Role r = v.role(n.term());
      boolean counts = r == Role.NAME
          || (r == Role.CONTEXT && disguised(s, f.origin(n.start()), f.origin(n.end() - 1) + 1)
              && !identifierPart(words, n));
      if (counts && !markedLines.contains(lineOf(f.text(), n.start()))) {
        names.add(n);
      }
    }
    for (TermMatcher.Match n : outermost(names)) {
      int from = f.origin(n.start());
      int to = f.origin(n.end() - 1) + 1;
      boolean plain = !disguised(s, from, to);
      out.add(new Hit(Kind.MENTION, n.term(), snippet(s, from, to), "", cc.inCode(from, to), -1, from, to,
          plain && surface(s, to), plain));
    }
    out.sort(java.util.Comparator.comparingInt(Hit::start));
    return out;
  }

  /** Whether the word after a mention ending at {@code to} (past closing emphasis, a possessive) is a surface. */
  private static boolean surface(String s, int to) {
    java.util.regex.Matcher m = NEXT_WORD.matcher(s.substring(Math.min(to, s.length()), Math.min(s.length(), to + 40)));
    return m.find() && SURFACES.contains(m.group(1).toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether a context word is written disguised (markup, escapes, invisible or non-ASCII characters). */
  private static boolean disguised(String s, int from, int to) {
    for (int i = from; i < to && i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7E || c == '<' || c == '&' || c == '\\' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a match is one camel-case part of a longer identifier ({@code CursorEditor}, however its letters are
   * written, however joined): the folded identifier is an ordinary one, so a disguise inside it hides no model name.
   */
  private static boolean identifierPart(List<Words.Word> words, TermMatcher.Match n) {
    for (int i = 0; i < words.size(); i++) {
      Words.Word w = words.get(i);
      if (w.start() == n.start() && i > 0 && w.gap() != Words.Gap.BREAK && letter(words.get(i - 1))) {
        return true;
      }
      if (w.end() == n.end() && i + 1 < words.size() && words.get(i + 1).gap() != Words.Gap.BREAK
          && letter(words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean letter(Words.Word w) {
    return Character.isLetter(w.text().charAt(0));
  }

  private static int lineOf(String s, int offset) {
    int line = 0;
    for (int i = 0; i < offset && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Drops matches inside a longer one ("GPT" inside "ChatGPT", "AI" inside "OpenAI"). */
  static List<TermMatcher.Match> outermost(List<TermMatcher.Match> all) {
    List<TermMatcher.Match> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      TermMatcher.Match a = all.get(i);
      boolean inner = false;
      for (int j = 0; j < all.size() && !inner; j++) {
        TermMatcher.Match b = all.get(j);
        inner = j != i && b.start() <= a.start() && a.end() <= b.end()
            && (b.end() - b.start() > a.end() - a.start() || j < i);
      }
      if (!inner) {
        out.add(a);
      }
    }
    return out;
  }

  /** The original text between two offsets, at most 60 characters, invisible characters shown as escapes. */
  static String snippet(String s, int from, int to) {
    StringBuilder sb = new StringBuilder();
    int end = Math.min(to, s.length());
    for (int i = Math.max(0, from); i < end && sb.length() < 60; ) {
      int cp = s.codePointAt(i);
      if (FoldedText.invisible(cp) || Character.isISOControl(cp)) {
        sb.append(String.format("\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    if (end - from > 60) {
      sb.append('…');
    }
    return sb.toString();
  }
}
