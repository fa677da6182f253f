package dev.quarry.extract.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.model.LineRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown guide split into sections by a CommonMark parser (a {@code #} inside a code block is not a
 * heading). Its title is the front matter's {@code title}, else the first {@code #} heading, else empty.
 *
 * @param title the document title, may be empty
 * @param sections its {@code ##} and {@code ###} sections, in order
 */
record MarkdownDoc(String title, List<Section> sections) {
  private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Copies the list. */
  MarkdownDoc {
    sections = List.copyOf(sections);
  }

  /** Parses a document with {@code \n} line ends. */
  static MarkdownDoc parse(String text) {
    String[] all = text.split("\n", -1);
    int offset = 0;
    String title = "";
    if (text.startsWith("---\n")) {
      for (int i = 1; i < all.length; i++) {
        if (all[i].stripTrailing().equals("---") || all[i].stripTrailing().equals("...")) {
          title = frontMatterTitle(String.join("\n", java.util.Arrays.asList(all).subList(1, i)));
          offset = i + 1;
          break;
        }
      }
    }
    String body = String.join("\n", java.util.Arrays.asList(all).subList(offset, all.length));
    String[] lines = body.split("\n", -1);
    Node doc = PARSER.parse(body);
    List<int[]> heads = new ArrayList<>();
    List<Heading> headings = new ArrayList<>();
    List<int[]> fences = new ArrayList<>();
    List<String> fenceInfo = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (spans.isEmpty()) {
        continue;
      }
      int first = spans.get(0).getLineIndex();
      int last = spans.get(spans.size() - 1).getLineIndex();
      if (n instanceof Heading h && h.getLevel() <= 3) {
        if (h.getLevel() == 1 && title.isEmpty()) {
          title = text(h).strip();
        }
        heads.add(new int[] {first, last});
        headings.add(h);
      } else if (n instanceof FencedCodeBlock f) {
        fences.add(new int[] {first});
        String info = f.getInfo() == null ? "" : f.getInfo().strip();
        fenceInfo.add(info.isEmpty() ? "" : info.split("\\s+")[0]);
      }
    }
    List<Section> sections = new ArrayList<>();
    String parent = null;
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      if (h.getLevel() == 1) {
        parent = null;
        continue;
      }
      String heading = text(h).strip();
      if (h.getLevel() == 2) {
        parent = heading;
      }
      int start = heads.get(i)[1] + 1;
      int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : lines.length;
      StringBuilder sb = new StringBuilder();
      int lastNonBlank = heads.get(i)[1];
      for (int l = start; l < end; l++) {
        sb.append(lines[l]).append('\n');
        if (!lines[l].isBlank()) {
          lastNonBlank = l;
        }
      }
      String lang = null;
      for (int f = 0; f < fences.size(); f++) {
        if (fences.get(f)[0] >= start && fences.get(f)[0] < end && !fenceInfo.get(f).isEmpty()) {
          lang = fenceInfo.get(f);
          break;
        }
      }
      int first = heads.get(i)[0] + offset + 1;
      sections.add(new Section(h.getLevel(), heading,
          h.getLevel() == 3 && parent != null ? Optional.of(parent) : Optional.empty(), sb.toString().strip(),
          new LineRange(first, lastNonBlank + offset + 1), Optional.ofNullable(lang)));
    }
    return new MarkdownDoc(title, sections);
  }

  private static String frontMatterTitle(String yaml) {
    try {
      JsonNode n = YAML.readTree(yaml);
      return n != null && n.has("title") ? n.get("title").asText().strip() : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else {
        sb.append(text(c));
      }
    }
    return sb.toString();
  }
}
