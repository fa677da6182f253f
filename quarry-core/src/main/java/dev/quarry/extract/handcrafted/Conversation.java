package dev.quarry.extract.handcrafted;

import dev.quarry.model.LineRange;
import dev.quarry.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The conversation of a hand-written Markdown example: its {@code ## System}, {@code ## User} and
 * {@code ## Assistant} sections, found by a CommonMark parser (so a heading inside a code block is text, not a
 * section), each with its text exactly as written between the headings, trimmed.
 *
 * @param turns the sections in order
 * @param language the info string of the first fenced code block in an assistant section, or empty
 */
record Conversation(List<Turn> turns, Optional<String> language) {
  private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /**
   * One section.
   *
   * @param role whose turn it is
   * @param text the section text, trimmed
   * @param heading 1-based line of its heading in the file
   * @param lines the 1-based lines from its heading to its last non-blank line
   */
  record Turn(Role role, String text, int heading, LineRange lines) {}

  /** Copies the list. */
  Conversation {
    turns = List.copyOf(turns);
  }

  /**
   * Parses {@code body}, which starts on line {@code firstLine} of its file.
   */
  static Conversation parse(String body, int firstLine) {
    Node doc = PARSER.parse(body);
    String[] lines = body.split("\n", -1);
    List<int[]> headings = new ArrayList<>();
    List<Role> roles = new ArrayList<>();
    List<int[]> fences = new ArrayList<>();
    List<String> fenceInfo = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (spans.isEmpty()) {
        continue;
      }
      int first = spans.get(0).getLineIndex();
      int last = spans.get(spans.size() - 1).getLineIndex();
      if (n instanceof Heading h && h.getLevel() == 2) {
        Optional<Role> role = role(text(h));
        if (role.isPresent()) {
          headings.add(new int[] {first, last});
          roles.add(role.get());
        }
      } else if (n instanceof FencedCodeBlock f && f.getInfo() != null && !f.getInfo().isBlank()) {
        fences.add(new int[] {first});
        fenceInfo.add(f.getInfo().strip().split("\\s+")[0]);
      }
    }
    List<Turn> turns = new ArrayList<>();
    String language = null;
    for (int i = 0; i < headings.size(); i++) {
      int start = headings.get(i)[1] + 1;
      int end = i + 1 < headings.size() ? headings.get(i + 1)[0] : lines.length;
      StringBuilder sb = new StringBuilder();
      int lastNonBlank = headings.get(i)[1];
      for (int l = start; l < end; l++) {
        sb.append(lines[l]).append('\n');
        if (!lines[l].isBlank()) {
          lastNonBlank = l;
        }
      }
      Role role = roles.get(i);
      if (role == Role.ASSISTANT && language == null) {
        for (int f = 0; f < fences.size(); f++) {
          if (fences.get(f)[0] >= start && fences.get(f)[0] < end) {
            language = fenceInfo.get(f);
            break;
          }
        }
      }
      int heading = headings.get(i)[0] + firstLine;
      turns.add(new Turn(role, sb.toString().strip(), heading, new LineRange(heading, lastNonBlank + firstLine)));
    }
    return new Conversation(turns, Optional.ofNullable(language));
  }

  private static Optional<Role> role(String heading) {
    String h = heading.strip().toLowerCase(Locale.ROOT);
    for (Role r : Role.values()) {
      if (r == Role.TOOL) {
        continue; // a tool result needs the call it answers, which a Markdown heading cannot give
      }
      String w = r.wire();
      if (h.equals(w) || (h.startsWith(w) && !Character.isLetterOrDigit(h.charAt(w.length())))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else {
        sb.append(text(c));
      }
    }
    return sb.toString();
  }

  /**
   * Why the sections do not make a valid conversation (optional system first, then user and assistant
   * alternating, ending with assistant, none empty), naming the line; empty when they do.
   */
  Optional<String> problem() {
    if (turns.isEmpty()) {
      return Optional.of("no ## User / ## Assistant sections");
    }
    Role expected = Role.USER;
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      if (t.text().isEmpty()) {
        return Optional.of("line " + t.heading() + ": the " + t.role().wire() + " section is empty");
      }
      if (t.role() == Role.SYSTEM) {
        if (i != 0) {
          return Optional.of("line " + t.heading() + ": ## System must be the first section");
        }
        continue;
      }
      if (t.role() != expected) {
        return Optional.of("line " + t.heading() + ": expected ## " + title(expected) + " but found ## "
            + title(t.role()));
      }
      expected = expected == Role.USER ? Role.ASSISTANT : Role.USER;
    }
    if (expected != Role.USER) {
      Turn last = turns.get(turns.size() - 1);
      return Optional.of("line " + last.heading() + ": the conversation must end with an ## Assistant section");
    }
    return Optional.empty();
  }

  private static String title(Role r) {
    String w = r.wire();
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
