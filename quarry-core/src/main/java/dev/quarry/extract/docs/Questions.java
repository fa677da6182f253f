package dev.quarry.extract.docs;

import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases the scenario question a section answers — what a developer with a goal would ask (adding a feature
 * that touches the topic, fixing a flagged change, doing the activity the heading names) — and the lead-in of
 * the answer, from the {@code docs} templates: {@code ask-topic}, {@code ask-activity}, {@code ask-question},
 * {@code answer} and {@code parts}. The question is grounded in the section through its heading (and its parent
 * heading) and never names the document, so the adapter learns the rule rather than where it is filed. One
 * phrasing is chosen by a hash of the path and heading, so the wording varies across a dataset yet never
 * between runs. Not thread-safe (the templates cache).
 */
final class Questions {
  private final Templates templates;

  Questions(Templates templates) {
    this.templates = templates;
  }

  /**
   * The user's question.
   *
   * @param path the document's path (part of the hash)
   * @param section the section
   * @param project the project name
   */
  String ask(String path, Section section, String project) {
    String key = path + "#" + section.heading();
    String heading = stripPunctuation(section.heading());
    Template parts = templates.get("parts");
    String firstWord = heading.isEmpty() ? "" : heading.split("\\s+")[0].toLowerCase(Locale.ROOT);
    Set<String> questionWords = Set.copyOf(parts.fillAt(2, Map.of()).lines().map(String::strip).toList());
    if (section.heading().strip().endsWith("?") || questionWords.contains(firstWord) && heading.contains(" ")) {
      String q = heading.endsWith("?") ? heading : heading + "?";
      return templates.get("ask-question").fill(key, Map.of("question", q, "project", project));
    }
    String[] words = heading.split("\\s+");
    // "Writing Python tests" is an activity; "Naming and layout" is a topic whose first noun ends in -ing.
    boolean activity = firstWord.length() > 5 && firstWord.endsWith("ing") && words.length > 1
        && !Set.of("and", "or", "&").contains(words[1].toLowerCase(Locale.ROOT)) && section.parent().isEmpty();
    if (activity) {
      return templates.get("ask-activity").fill(key, Map.of("activity", lowerFirst(heading), "project", project));
    }
    String own = properNoun(heading, section.body()) ? heading : topic(heading);
    String topic = section.parent().map(p -> parts.fillAt(0, Map.of("topic", own, "parent",
        topic(stripPunctuation(p))))).orElse(own);
    return templates.get("ask-topic").fill(key, Map.of("topic", topic, "topic_capitalized",
        Character.toUpperCase(topic.charAt(0)) + topic.substring(1), "project", project));
  }

  /** The answer: a short lead-in naming the source, then the section as written. */
  String answer(String path, String title, Section section) {
    String doc = title.isBlank() ? documentName(path) : title.strip();
    return templates.get("answer").fill(path + "#" + section.heading() + "a", Map.of("heading",
        stripPunctuation(section.heading()), "doc", doc, "path", path)) + "\n\n" + section.body();
  }

  /** The heading as a noun phrase inside a sentence: lower-cased first letter unless it is an acronym or code. */
  static String topic(String heading) {
    String h = heading.strip();
    if (h.isEmpty()) {
      return h;
    }
    String[] words = h.split("\\s+");
    String first = words[0];
    boolean code = first.length() > 1 && (first.chars().skip(1).anyMatch(Character::isUpperCase)
        || first.chars().anyMatch(c -> c == '_' || c == '.' || c == '(' || c == '`'));
    // "Error handling" is sentence case: its first word is an ordinary word. "Microsoft Graph Guidelines" is
    // title case and may start with a name, so it stays as written.
    boolean titleCase = words.length > 1 && Character.isUpperCase(words[1].charAt(0));
    return code || titleCase ? h : lowerFirst(h);
  }

  /** Whether a one-word heading is a name: the section writes it capitalised mid-sentence and never in lower case. */
  static boolean properNoun(String heading, String body) {
    String h = heading.strip();
    if (h.contains(" ") || h.isEmpty()) {
      return false;
    }
    return java.util.regex.Pattern.compile("[a-z,] " + java.util.regex.Pattern.quote(h) + "\\b").matcher(body).find()
        && !body.contains(lowerFirst(h));
  }

  private static String lowerFirst(String h) {
    return Character.toLowerCase(h.charAt(0)) + h.substring(1);
  }

  private static String stripPunctuation(String s) {
    String t = s.strip().replaceAll("^[0-9]+(\\.[0-9]+)*\\.?\\s+", "");
    while (!t.isEmpty() && ":.".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  /** A readable name for a document without a title: {@code docs/error-handling.md} → {@code error handling guide}. */
  String documentName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.md$", "");
    if (name.equalsIgnoreCase("README") || name.equalsIgnoreCase("index")) {
      int slash = path.lastIndexOf('/');
      String dir = slash > 0 ? path.substring(0, slash) : "";
      name = dir.isEmpty() ? "project" : dir.substring(dir.lastIndexOf('/') + 1);
    }
    return templates.get("parts").fillAt(1, Map.of("name",
        name.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT)));
  }
}
