package dev.quarry.extract.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit message made fit to become a prompt: trailers ({@code Co-Authored-By:}, {@code Signed-off-by:} …)
 * and tool-attribution lines removed, a Conventional-Commits prefix and trailing PR/issue references taken off
 * the subject, and leading gitmoji ({@code :bug:} marks a fix) dropped. Attribution that survives this (in the body's prose) is still caught by the validation rules.
 *
 * @param subject the cleaned first line
 * @param body the cleaned rest, possibly empty
 * @param type the Conventional-Commits type ({@code fix}, {@code feat} …) or empty
 * @param removedLines how many trailer or attribution lines were removed
 */
record CommitMessage(String subject, String body, String type, int removedLines) {
  private static final Pattern TRAILER = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{1,40}:\\s+\\S.*$");
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(?i)(co-?authored-?by|generated[ -](with|by)|assisted[ -]by|signed-off-by|\\bvia (claude|copilot|chatgpt|cursor)\\b"
          + "|\uD83E\uDD16|\\bai[ -]disclaimer\\b|\\b(using|with|by|from) (openai )?(codex|copilot|claude|chatgpt|gpt-[\\w.-]+|gemini"
          + "|devin|cursor)\\b)");
  /** Leading gitmoji, as shortcodes ({@code :bug:}) or emoji characters. */
  private static final Pattern GITMOJI = Pattern.compile("^((:[a-z0-9_+-]+:|[\\p{So}\\p{Cs}\\p{Sk}\\uFE0F\\u200D])\\s*)+");
  private static final Pattern BUG_MOJI = Pattern.compile(":(bug|ambulance|adhesive_bandage|rotating_light):|\uD83D\uDC1B"
      + "|\uD83D\uDE91|\uD83E\uDE79");
  private static final Pattern CONVENTIONAL = Pattern.compile("^([a-zA-Z]+)(\\([^)]*\\))?!?:\\s*");
  private static final Pattern TRAILING_REFS = Pattern.compile("(\\s*[(\\[]?(#|gh-|GH-)\\d+[)\\]]?[,.]?)+\\s*$");
  private static final Set<String> FIX_TYPES = Set.of("fix", "bugfix", "hotfix");
  private static final Pattern FIX_WORDS = Pattern.compile(
      "(?i)\\b(fix(es|ed)?|bug|bugs|regression|crash(es)?|broken|incorrect(ly)?|wrong)\\b");

  /** Cleans {@code raw}. */
  static CommitMessage parse(String raw) {
    List<String> lines = new ArrayList<>(List.of(raw.replace("\r\n", "\n").strip().split("\n", -1)));
    int removed = 0;
    // The trailer block: the last paragraph when every line of it is "Key: value".
    int lastBlank = -1;
    for (int i = lines.size() - 1; i > 0; i--) {
      if (lines.get(i).isBlank()) {
        lastBlank = i;
        break;
      }
    }
    if (lastBlank > 0 && lines.subList(lastBlank + 1, lines.size()).stream().allMatch(l -> TRAILER.matcher(l).matches())) {
      removed += lines.size() - lastBlank - 1;
      lines = new ArrayList<>(lines.subList(0, lastBlank));
    }
    List<String> kept = new ArrayList<>();
    for (String l : lines) {
      if (ATTRIBUTION.matcher(l).find()) {
        removed++;
      } else {
        kept.add(l);
      }
    }
    String subject = kept.isEmpty() ? "" : kept.get(0).strip();
    String body = kept.size() < 2 ? "" : String.join("\n", kept.subList(1, kept.size())).strip();
    String type = "";
    Matcher moji = GITMOJI.matcher(subject);
    if (moji.find()) {
      type = BUG_MOJI.matcher(moji.group()).find() ? "fix" : "";
      subject = subject.substring(moji.end());
    }
    Matcher m = CONVENTIONAL.matcher(subject);
    if (m.find()) {
      type = m.group(1).toLowerCase(Locale.ROOT);
      subject = subject.substring(m.end());
    }
    subject = TRAILING_REFS.matcher(subject).replaceAll("").strip();
    if (!subject.isEmpty()) {
      subject = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }
    return new CommitMessage(subject, body, type, removed);
  }

  /**
   * This message with a past-tense or third-person first word turned into the imperative ("Added x" → "Add x",
   * "Fixes y" → "Fix y") when its stem is one of {@code verbs}; the meaning is unchanged, only the mood.
   */
  CommitMessage imperative(java.util.Set<String> verbs) {
    String w = verb();
    if (verbs.contains(w) || w.length() < 4) {
      return this;
    }
    String base = null;
    for (String cand : new String[] {strip(w, "ed"), strip(w, "d"), strip(w, "es"), strip(w, "s"), strip(w, "ing"),
        strip(w, "ing") + "e", strip(w, "ied") + "y", strip(w, "ies") + "y", undouble(strip(w, "ed")),
        undouble(strip(w, "ing"))}) {
      if (cand != null && !cand.isEmpty() && verbs.contains(cand)) {
        base = cand;
        break;
      }
    }
    if (base == null) {
      return this;
    }
    int space = subject.indexOf(' ');
    String rest = space < 0 ? "" : subject.substring(space);
    String s = Character.toUpperCase(base.charAt(0)) + base.substring(1) + rest;
    return new CommitMessage(s, body, type, removedLines);
  }

  private static String strip(String w, String suffix) {
    return w.endsWith(suffix) ? w.substring(0, w.length() - suffix.length()) : "";
  }

  private static String undouble(String w) {
    int n = w.length();
    return n > 2 && w.charAt(n - 1) == w.charAt(n - 2) ? w.substring(0, n - 1) : "";
  }

  /** The subject's first word, lower case, without trailing punctuation. */
  String verb() {
    String[] w = subject.split("\\s+", 2);
    return w[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
  }

  /** Words in the subject. */
  int words() {
    return subject.isBlank() ? 0 : subject.split("\\s+").length;
  }

  /** Whether the message describes a bug fix. */
  boolean isFix() {
    return FIX_TYPES.contains(type) || FIX_WORDS.matcher(subject).find();
  }

  /** Subject and body as one request text. */
  String request() {
    String s = subject.endsWith(".") ? subject : subject + ".";
    return body.isEmpty() ? s : s + "\n\n" + body;
  }
}
