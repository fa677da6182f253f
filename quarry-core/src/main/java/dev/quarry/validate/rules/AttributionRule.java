package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Fix;
import dev.quarry.validate.FixableRule;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Repair;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Zero tolerance for text that credits or names an AI: vendor, model and assistant product names,
 * {@code Co-Authored-By:} trailers naming an AI, "Generated with/by …" lines naming one, and robot-emoji
 * signatures — in every message, system prompts included. Always an error; the severity cannot be lowered
 * (false positives go in {@code validate.attribution.allow}, extra names in {@code validate.attribution.terms}).
 *
 * <p>Matching runs on a {@link FoldedText} (case, NFKC, confusables, invisible characters, HTML tags and
 * escapes undone) split into {@link Words}, so {@code Cl\u200Baude}, {@code Сlaude} (Cyrillic С),
 * {@code Ｃｌａｕｄｅ}, {@code Cl**aude**} and {@code C-l-a-u-d-e} are all caught while words that merely contain
 * a name ({@code claudication}, {@code autopilot}, {@code GPTQ}) are not. See {@link AttributionTerms} for the
 * words that are names only in context ("Gemini").
 *
 * <p>{@code --fix} drops whole marker lines (trailers, "Generated with" lines, robot signatures); a name in
 * running text is not fixable.
 */
public final class AttributionRule implements FixableRule {
  private static final Pattern TRAILER = Pattern.compile("(?<![a-z0-9])co[\\s_-]*authored[\\s_-]*by\\s*:");
  private static final Pattern GENERATED = Pattern.compile(
      "^[^a-z0-9]*(auto[\\s-]?)?(generated|created|written|authored|produced|made|built|assisted)\\s+(with|by|using|via|through|in|from)\\b.*");
  private static final Pattern SIGNATURE = Pattern.compile(".*\\b(generated|created|written|made|powered|authored|assisted|built)\\b.*");
  private static final String ROBOT = "\uD83E\uDD16";

  /** The matchers of one run: names, and the wider list that counts inside a trailer or "Generated" line. */
  private record Matchers(java.util.Set<String> names, TermMatcher credits) {}

  /** A marker line: its kind, 0-based index among the message's lines, and folded offsets. */
  private record Marker(String kind, int line, int start, int end) {}

  @Override
  public String id() {
    return "attribution";
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
    return "no AI vendor, model or assistant names, AI co-author trailers, 'Generated with' lines or robot signatures";
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    Matchers m = matchers(ctx);
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < e.messages().size(); i++) {
      String content = e.messages().get(i).content();
      FoldedText f = FoldedText.of(content);
      List<TermMatcher.Match> credits = m.credits().find(Words.of(f));
      List<Marker> markers = markers(f, credits);
      for (Marker k : markers) {
        out.add(Finding.error(id(), k.kind() + " (\"" + snippet(content, f.origin(k.start()), f.origin(k.end() - 1) + 1)
            + "\"): remove the line (--fix drops it)", Locations.of(e, i, k.line() + 1)));
      }
      List<TermMatcher.Match> names = outermost(credits.stream().filter(c -> m.names().contains(c.term())).toList());
      for (TermMatcher.Match n : names) {
        int line = Locations.lineAt(content, f.origin(n.start()));
        if (markers.stream().anyMatch(k -> k.line() + 1 == line)) {
          continue;
        }
        String written = snippet(content, f.origin(n.start()), f.origin(n.end() - 1) + 1);
        out.add(Finding.error(id(), "names an AI vendor, model or assistant: \"" + n.term() + "\""
            + (written.equalsIgnoreCase(n.term()) ? "" : " (written \"" + written + "\")")
            + " (remove or rephrase it; a legitimate use goes in validate.attribution.allow)",
            Locations.of(e, i, line)));
      }
    }
    return out.stream();
  }

  @Override
  public Optional<Repair> repair(Example e, RuleContext ctx) {
    Matchers m = matchers(ctx);
    List<Message> messages = new ArrayList<>();
    List<Fix> fixes = new ArrayList<>();
    for (int i = 0; i < e.messages().size(); i++) {
      Message msg = e.messages().get(i);
      String content = msg.content();
      FoldedText f = FoldedText.of(content);
      List<Marker> markers = markers(f, m.credits().find(Words.of(f)));
      if (markers.isEmpty()) {
        messages.add(msg);
        continue;
      }
      StringBuilder sb = new StringBuilder(content);
      for (int k = markers.size() - 1; k >= 0; k--) {
        Marker mk = markers.get(k);
        int from = f.origin(mk.start());
        int lineStart = content.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = content.indexOf('\n', from);
        boolean whole = content.substring(lineStart, from).isBlank();
        if (whole) {
          sb.delete(lineStart, lineEnd < 0 ? content.length() : lineEnd + 1);
        } else {
          int cut = from;
          while (cut > lineStart && Character.isWhitespace(content.charAt(cut - 1))) {
            cut--;
          }
          sb.delete(cut, lineEnd < 0 ? content.length() : lineEnd);
        }
        fixes.add(0, new Fix(id(), Locations.of(e, i, mk.line() + 1),
            whole ? "removed the line (" + mk.kind() + ")" : "removed " + mk.kind() + " at the end of the line"));
      }
      String text = sb.toString().replaceAll("\\s+$", "");
      messages.add(text.isBlank() ? msg : msg.withContent(text));
    }
    return fixes.isEmpty() ? Optional.empty() : Optional.of(new Repair(messages, fixes));
  }

  private static Matchers matchers(RuleContext ctx) {
    return ctx.shared("attribution.matchers", () -> {
      List<String> names = new ArrayList<>(AttributionTerms.TERMS);
      names.addAll(AttributionTerms.PHRASES);
      names.addAll(ctx.settings().attributionTerms());
      List<String> allow = new ArrayList<>(AttributionTerms.ALLOWED);
      allow.addAll(ctx.settings().attributionAllow());
      List<String> credits = new ArrayList<>(names);
      credits.addAll(AttributionTerms.TRAILER_NAMES);
      credits.addAll(AttributionTerms.DOMAINS);
      // One pass finds every name; the vendor names are the subset reported outside trailers.
      return new Matchers(java.util.Set.copyOf(names), new TermMatcher(credits, allow));
    });
  }

  /** The lines that are attribution markers, given where AI names occur (in the wider sense). */
  private static List<Marker> markers(FoldedText f, List<TermMatcher.Match> credits) {
    List<Marker> out = new ArrayList<>();
    String s = f.text();
    int start = 0;
    int line = 0;
    List<Integer> nonBlank = new ArrayList<>();
    while (start <= s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      String l = s.substring(start, end);
      if (!l.isBlank()) {
        nonBlank.add(line);
      }
      final int ls = start;
      final int le = end;
      boolean namesAi = credits.stream().anyMatch(c -> c.start() >= ls && c.end() <= le);
      java.util.regex.Matcher t = TRAILER.matcher(l);
      int cut = t.find() ? ls + t.start() : -1;
      if (cut >= 0 && credits.stream().anyMatch(c -> c.start() >= cut && c.end() <= le)) {
        // A trailer may also end a line that was flattened (a docstring joined into one line).
        out.add(new Marker("Co-Authored-By trailer naming an AI", line, cut, end));
      } else if (GENERATED.matcher(l).matches() && namesAi) {
        out.add(new Marker("\"Generated with\" line crediting an AI", line, start, end));
      } else if (l.contains(ROBOT) && (namesAi || SIGNATURE.matcher(l).matches())) {
        out.add(new Marker("robot-emoji signature", line, start, end));
      }
      start = end + 1;
      line++;
    }
    if (!nonBlank.isEmpty()) {
      int last = nonBlank.get(nonBlank.size() - 1);
      boolean known = out.stream().anyMatch(k -> k.line() == last);
      int[] range = lineRange(s, last);
      if (!known && s.substring(range[0], range[1]).contains(ROBOT)) {
        out.add(new Marker("robot-emoji signature", last, range[0], range[1]));
      }
    }
    return out;
  }

  private static int[] lineRange(String s, int line) {
    int start = 0;
    for (int i = 0; i < line; i++) {
      start = s.indexOf('\n', start) + 1;
    }
    int end = s.indexOf('\n', start);
    return new int[] {start, end < 0 ? s.length() : end};
  }

  /** Drops matches inside a longer one ("GPT" inside "ChatGPT"). */
  private static List<TermMatcher.Match> outermost(List<TermMatcher.Match> all) {
    List<TermMatcher.Match> out = new ArrayList<>();
    for (TermMatcher.Match a : all) {
      boolean inner = all.stream().anyMatch(b -> b != a && b.start() <= a.start() && a.end() <= b.end()
          && (b.end() - b.start() > a.end() - a.start() || (b.start() == a.start() && b.end() == a.end()
          && all.indexOf(b) < all.indexOf(a))));
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
