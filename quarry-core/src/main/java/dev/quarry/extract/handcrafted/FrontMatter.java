package dev.quarry.extract.handcrafted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional YAML front matter of a Markdown file ({@code ---} … {@code ---} at the very top) and the body
 * after it.
 *
 * @param category the {@code category} it asks for, or null
 * @param language the {@code language} it gives, or null
 * @param tags its {@code tags}
 * @param body the Markdown after the front matter
 * @param bodyLine the 1-based line of the file the body starts on
 */
record FrontMatter(String category, String language, List<String> tags, String body, int bodyLine) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Copies the list. */
  FrontMatter {
    tags = List.copyOf(tags);
  }

  /**
   * Splits {@code text} (with {@code \n} line ends) into front matter and body.
   *
   * @throws IOException when the front matter is not valid YAML or not a mapping; the message names the line
   */
  static FrontMatter of(String text) throws IOException {
    if (!(text.startsWith("---\n") || text.equals("---"))) {
      return new FrontMatter(null, null, List.of(), text, 1);
    }
    String[] lines = text.split("\n", -1);
    int end = -1;
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new IOException("line 1: front matter is not closed (end it with a line of ---)");
    }
    String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, end));
    JsonNode n;
    try {
      n = yaml.isBlank() ? null : YAML.readTree(yaml);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? j.getLocation().getLineNr() + 1 : 1;
      throw new IOException("line " + line + ": front matter is not valid YAML (fix the YAML between the --- lines)");
    }
    if (n != null && !n.isNull() && !n.isObject()) {
      throw new IOException("line 2: front matter must be a mapping (write keys such as category: and language:)");
    }
    String body = String.join("\n", java.util.Arrays.asList(lines).subList(end + 1, lines.length));
    if (n == null || n.isNull()) {
      return new FrontMatter(null, null, List.of(), body, end + 2);
    }
    return new FrontMatter(text(n.get("category")), text(n.get("language")), strings(n.get("tags")), body, end + 2);
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().strip();
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else {
      for (String s : n.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }
}
