package dev.quarry.validate.rules;

import dev.quarry.validate.rules.AttributionVocabulary.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds <em>attributions</em> — claims that an AI wrote or helped write the text — line by line in a
 * {@link FoldedText}, given where its terms occur:
 * <ul>
 *   <li>trailers naming an AI anywhere after them: {@code Co-Authored-By} with any dash or colon or none,
 *       {@code Assisted-by:}, {@code Generated-by:} and other {@code <verb>-by:} trailers;
 *   <li>credits: a credit verb and preposition ("generated with", "suggested by", "powered by", "co-written
 *       with", "courtesy of", "thanks to") whose object is an AI: a name, or a generic word ("an AI assistant",
 *       "a large language model") that does not start another name ("the AI Platform team");
 *   <li>adjectives: {@code AI-generated}, {@code LLM-written}, {@code Claude-assisted};
 *   <li>an AI as the author: "Claude wrote this", "ChatGPT drafted the tests";
 *   <li>a model speaking of itself ("as an AI language model");
 *   <li>robot-emoji signatures: a line with 🤖 and an AI name or credit verb, or 🤖 on the last line;
 *   <li>references to an assistant's configuration file: {@code CLAUDE.md}, {@code GEMINI.md},
 *       {@code .cursorrules}, {@code .cursor/rules}, {@code copilot-instructions.md}, {@code .windsurfrules},
 *       {@code .clinerules}, {@code .aider.conf.yml}. {@code AGENTS.md} is not one: it names no assistant and is
 *       also the registry file of agent frameworks.
 * </ul>
 */
final class AttributionMarkers {
  /**
   * One attribution.
   *
   * @param kind what it is, for the finding's message
   * @param line 0-based line of the folded text
   * @param start folded offset where it starts
   * @param end folded end offset (exclusive)
   */
  record Marker(String kind, int line, int start, int end) {}

  private static final String VERBS = "generated|written|wrote|created|authored|produced|made|built|assisted|"
      + "suggested|powered|drafted|coded|developed|refactored|rewritten|composed|implemented|translated|improved|"
      + "edited|designed|crafted|optimi[sz]ed|reviewed|proposed|contributed|helped|generate|write|draft|assist";
  private static final Pattern TRAILER = Pattern.compile("(?<![a-z0-9])(?:co[\\s_-]*authored[\\s_-]*by(?![a-z0-9])"
      + "|(?:co[\\s_-]*developed|co[\\s_-]*written|assisted|generated|created|written|authored|suggested|helped|"
      + "signed[\\s_-]*off|reviewed|made|built|produced|powered|drafted)[\\s_-]*by\\s*:)");
  private static final Pattern CREDIT = Pattern.compile("(?<![a-z0-9])(?:(?:co[\\s_-]*)?(?:auto[\\s_-]*)?(?:" + VERBS
      + ")[\\s_-]*(?:by|with|using|via|through|from|in|on|thanks\\s+to|together\\s+with|alongside)"
      + "|courtesy\\s+of|thanks\\s+to|credits?\\s*(?:to|:)|with\\s+(?:the\\s+)?help\\s+(?:of|from)"
      + "|with\\s+(?:some\\s+)?assistance\\s+from|help\\s+from|in\\s+collaboration\\s+with)(?![a-z0-9])");
  private static final Pattern ADJECTIVE = Pattern.compile("^[\\s_\\-\u0001]{0,2}(generated|written|assisted|authored|"
      + "created|produced|suggested|crafted|drafted|made)(?![a-z0-9])");
  private static final Pattern CONFIG_FILE = Pattern.compile("(?<![a-z0-9])(claude(?:\\.local)?\\.md|gemini\\.md|"
      + "\\.cursorrules|\\.cursor/rules|copilot-instructions\\.md|\\.windsurfrules|\\.clinerules|\\.aider\\.conf\\.yml|"
      + "\\.aiderignore|\\.continuerules)(?![a-z0-9])");
  private static final Pattern SIGNATURE = Pattern.compile(".*\\b(generated|created|written|made|powered|authored|"
      + "assisted|built)\\b.*");
  private static final Set<String> FILLERS = Set.of("the", "a", "an", "some", "help", "of", "from", "assistance",
      "github", "google", "microsoft", "meta", "amazon", "aws", "my", "our", "using", "with", "by", "via", "lots",
      "heavy", "heavily", "partly", "partially", "mostly", "entirely", "fully", "assistant", "model");
  private static final String ROBOT = "\uD83E\uDD16";
  private static final int MAX_FILLERS = 3;
  private static final Pattern SUBJECT_CLAIM = Pattern.compile("^[\\s\u0001]*(?:has\\s+|had\\s+|then\\s+)?"
      + "(?:wrote|authored|co-?wrote|co-?authored|ghost-?wrote|drafted)\\s+(?:this|it|these|that|the|most|all|parts?|"
      + "much|some|our|my)(?![a-z0-9])");
  private static final Pattern NEXT_WORD = Pattern.compile("^[\\s\u0001\\[*_~`]*([a-z0-9]+)");

  private AttributionMarkers() {}

  /** The attributions of {@code f}, in line order; {@code terms} are every term occurrence in it. */
  static List<Marker> find(FoldedText f, List<TermMatcher.Match> terms, AttributionVocabulary v) {
    List<Marker> out = new ArrayList<>();
    String s = f.text();
    int start = 0;
    int line = 0;
    int lastNonBlank = -1;
    int[] lastRange = null;
    while (start <= s.length()) {
      int end = s.indexOf('\n', start);
      end = end < 0 ? s.length() : end;
      String l = s.substring(start, end);
      Marker m = line(l, line, start, end, terms, v);
      if (m != null) {
        out.add(m);
      }
      if (!l.isBlank()) {
        lastNonBlank = line;
        lastRange = new int[] {start, end};
      }
      start = end + 1;
      line++;
    }
    if (lastRange != null && s.substring(lastRange[0], lastRange[1]).contains(ROBOT)) {
      final int last = lastNonBlank;
      if (out.stream().noneMatch(k -> k.line() == last)) {
        out.add(new Marker("robot-emoji signature", last, lastRange[0], lastRange[1]));
      }
    }
    return out;
  }

  private static Marker line(String l, int line, int ls, int le, List<TermMatcher.Match> terms,
      AttributionVocabulary v) {
    List<TermMatcher.Match> here = terms.stream().filter(c -> c.start() >= ls && c.end() <= le).toList();
    Matcher t = TRAILER.matcher(l);
    if (t.find()) {
      int cut = ls + t.start();
      int after = ls + t.end();
      boolean ai = here.stream().anyMatch(c -> c.start() >= after && (v.role(c.term()) != Role.GENERIC
          || genericObject(l, ls, c)));
      if (ai) {
        return new Marker("trailer naming an AI", line, cut, le);
      }
    }
    Matcher c = CREDIT.matcher(l);
    while (c.find()) {
      int after = ls + c.end();
      for (TermMatcher.Match m : here) {
        if (m.start() >= after && object(l, ls, after, m, v)) {
          return new Marker("credit to an AI (\"" + c.group().strip() + " …\")", line, ls + c.start(), le);
        }
      }
    }
    for (TermMatcher.Match m : here) {
      Role r = v.role(m.term());
      if (r == Role.SELF) {
        return new Marker("an AI speaking of itself", line, m.start(), le);
      }
      if ((r == Role.NAME || r == Role.GENERIC || r == Role.CONTEXT) && !m.term().equals("assistant")
          && ADJECTIVE.matcher(l.substring(m.end() - ls)).find()) {
        return new Marker("\"" + m.term() + "-generated\" credit", line, m.start(), le);
      }
      if (r == Role.NAME && SUBJECT_CLAIM.matcher(l.substring(m.end() - ls)).find()) {
        return new Marker("claim that an AI wrote it (\"" + m.term() + " wrote …\")", line, m.start(), le);
      }
    }
    Matcher cf = CONFIG_FILE.matcher(l);
    if (cf.find()) {
      return new Marker("reference to an AI assistant's configuration file (" + cf.group(1) + ")", line,
          ls + cf.start(), ls + cf.end());
    }
    if (l.contains(ROBOT) && (here.stream().anyMatch(m -> v.role(m.term()) != Role.GENERIC)
        || SIGNATURE.matcher(l).matches())) {
      return new Marker("robot-emoji signature", line, ls, le);
    }
    return null;
  }

  /** Whether term {@code m}, after a credit ending at {@code after}, is its object: only fillers between. */
  private static boolean object(String l, int ls, int after, TermMatcher.Match m, AttributionVocabulary v) {
    String between = l.substring(after - ls, m.start() - ls);
    int words = 0;
    for (String w : between.split("[^a-z0-9']+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (!FILLERS.contains(w) || ++words > MAX_FILLERS) {
        return false;
      }
    }
    Role r = v.role(m.term());
    if (r == Role.GENERIC) {
      return !m.term().equals("assistant") && genericObject(l, ls, m);
    }
    return r != Role.SELF;
  }

  /**
   * Whether a generic word is not the start of another name: what follows is punctuation or a tail word. Markup
   * before the next word ({@code the AI [Pl](…)atform team}, {@code the AI **Platform** team}) is no punctuation.
   */
  private static boolean genericObject(String l, int ls, TermMatcher.Match m) {
    String rest = l.substring(m.end() - ls);
    Matcher w = NEXT_WORD.matcher(rest);
    if (!w.find()) {
      return true;
    }
    return AttributionTerms.GENERIC_TAIL.contains(w.group(1));
  }
}
