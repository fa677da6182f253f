package dev.quarry.extract.docs;

import dev.quarry.io.Hashing;
import java.util.Locale;

/**
 * Phrases the question a section answers, from its heading and the document title. Several templates, one
 * chosen by a hash of the path and heading, so the wording varies across a dataset yet never between runs.
 */
final class Questions {
  private Questions() {}

  /**
   * The user's question.
   *
   * @param path the document's path (part of the hash)
   * @param title the document title, may be empty
   * @param section the section
   * @param project the project name
   */
  static String ask(String path, String title, Section section, String project) {
    String heading = stripPunctuation(section.heading());
    String topic = section.parent().map(p -> topic(heading) + " (under " + stripPunctuation(p) + ")").orElse(topic(heading));
    String doc = title.isBlank() ? "our " + documentName(path) : "our " + title.strip();
    if (section.heading().strip().endsWith("?")) {
      return section.heading().strip() + " What does " + doc + " say?";
    }
    int variant = (int) (Long.parseLong(Hashing.sha256(path + "#" + section.heading()).substring(0, 8), 16) % 5);
    switch (variant) {
      case 0:
        return "What does " + doc + " say about " + topic + "?";
      case 1:
        return "I'm working on " + project + ". What are the rules for " + topic + " in " + doc + "?";
      case 2:
        return "How should I handle " + topic + " according to " + doc + "?";
      case 3:
        return "Summarize the guidance on " + topic + " from " + doc + ", and how I should apply it.";
      default:
        return "Before I open a pull request on " + project + ": what do I need to know about " + topic
            + " (see " + doc + ")?";
    }
  }

  /** The answer: a short lead-in naming the source, then the section as written. */
  static String answer(String path, String title, Section section) {
    String doc = title.isBlank() ? documentName(path) : title.strip();
    return "From \"" + stripPunctuation(section.heading()) + "\" in " + doc + " (`" + path + "`):\n\n" + section.body();
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
    return code || titleCase ? h : Character.toLowerCase(h.charAt(0)) + h.substring(1);
  }

  private static String stripPunctuation(String s) {
    String t = s.strip().replaceAll("^[0-9]+(\\.[0-9]+)*\\.?\\s+", "");
    while (!t.isEmpty() && ":.".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  /** A readable name for a document without a title: {@code docs/error-handling.md} → {@code error handling guide}. */
  static String documentName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.md$", "");
    if (name.equalsIgnoreCase("README") || name.equalsIgnoreCase("index")) {
      int slash = path.lastIndexOf('/');
      String dir = slash > 0 ? path.substring(0, slash) : "";
      name = dir.isEmpty() ? "project" : dir.substring(dir.lastIndexOf('/') + 1);
    }
    return name.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT) + " guide";
  }
}
