package dev.quarry.extract.explain;

import java.util.List;
import java.util.Set;

/**
 * One rule of a standards or docs file: a bullet item or a paragraph, with the headings it sits under and the
 * code names and status codes it mentions. Immutable.
 *
 * @param where the text and its place
 * @param title the document's title (its first heading, else the file name)
 * @param section the nearest heading above the rule
 * @param names the identifiers and literals written in backticks, and the HTTP status codes, it mentions
 */
public record DocRule(Sourced where, String title, String section, Set<String> names) {
  /** Copies the names. */
  public DocRule {
    names = Set.copyOf(names);
  }

  /** The rule's words as one line, markdown emphasis kept. */
  public String sentence() {
    return String.join(" ", List.of(where.text().split("\\s*\\n\\s*"))).replaceFirst("^[-*+]\\s+", "");
  }
}
