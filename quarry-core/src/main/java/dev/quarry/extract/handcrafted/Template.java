package dev.quarry.extract.handcrafted;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quarry.model.LineRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML template of hand-written examples: {@code template: {system?, user, assistant}} with
 * {@code {{name}}} placeholders, expanded once per entry of {@code vars:}, plus {@code category},
 * {@code language} and {@code tags}.
 *
 * @param category the category asked for, or null
 * @param language the language given, or null
 * @param tags the tags
 * @param parts the template texts by key ({@code system}, {@code user}, {@code assistant}), in that order
 * @param partLines the 1-based line of each part's key
 * @param vars the variable sets, in order
 */
record Template(String category, String language, List<String> tags, Map<String, String> parts,
    Map<String, Integer> partLines, List<Vars> vars) {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final ObjectMapper YAML = new ObjectMapper(FACTORY);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

  /**
   * One entry of {@code vars:}.
   *
   * @param values the variables, values as text
   * @param lines where the entry is written
   */
  record Vars(Map<String, String> values, LineRange lines) {}

  /** The result of expanding a text: the text, or the first variable it needs that is not defined. */
  record Expansion(String text, String missing) {}

  /**
   * Reads a template file.
   *
   * @throws IOException when it is not valid YAML or lacks {@code template.user}/{@code template.assistant};
   *     the message starts with the line
   */
  static Template parse(String text) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new IOException("line " + line + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject() || !root.path("template").isObject()) {
      throw new IOException("line 1: no template: mapping (give template: {user: ..., assistant: ...})");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String k : List.of("system", "user", "assistant")) {
      JsonNode v = root.path("template").get(k);
      if (v != null && !v.isNull()) {
        parts.put(k, v.asText());
      }
    }
    if (!parts.containsKey("user") || !parts.containsKey("assistant")) {
      throw new IOException("line 1: template needs both user: and assistant:");
    }
    Lines lines = lines(text);
    List<Vars> vars = new ArrayList<>();
    JsonNode vs = root.get("vars");
    if (vs != null && vs.isArray()) {
      for (int i = 0; i < vs.size(); i++) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode entry = vs.get(i);
        if (entry != null && entry.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            values.put(f.getKey(), v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
          }
        }
        LineRange r = i < lines.vars().size() ? lines.vars().get(i) : null;
        vars.add(new Vars(values, r));
      }
    } else {
      vars.add(new Vars(Map.of(), null));
    }
    return new Template(FrontMatter.text(root.get("category")), FrontMatter.text(root.get("language")),
        FrontMatter.strings(root.get("tags")), parts, lines.parts(), vars);
  }

  /** Fills the placeholders of {@code template} from {@code values}. */
  static Expansion expand(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        return new Expansion(null, m.group(1));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return new Expansion(sb.toString(), null);
  }

  /** The 1-based line where {@code {{name}}} first appears in part {@code part}, or the part's line. */
  int placeholderLine(String text, String part, String name) {
    int from = partLines.getOrDefault(part, 1);
    String[] ls = text.split("\n", -1);
    Pattern p = Pattern.compile("\\{\\{\\s*" + Pattern.quote(name) + "\\s*}}");
    for (int i = from - 1; i < ls.length; i++) {
      if (p.matcher(ls[i]).find()) {
        return i + 1;
      }
    }
    return from;
  }

  private record Lines(Map<String, Integer> parts, List<LineRange> vars) {}

  /** Where the template parts and the vars entries are written, from a streaming pass with token locations. */
  private static Lines lines(String text) throws IOException {
    Map<String, Integer> parts = new LinkedHashMap<>();
    List<Integer> starts = new ArrayList<>();
    int varsEnd = text.split("\n", -1).length;
    boolean varsOpen = false;
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (varsOpen) {
          varsEnd = p.currentTokenLocation().getLineNr() - 1;
          varsOpen = false;
        }
        JsonToken v = p.nextToken();
        if (key.equals("template") && v == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            parts.put(p.currentName(), p.currentTokenLocation().getLineNr());
            p.nextToken();
            p.skipChildren();
          }
        } else if (key.equals("vars") && v == JsonToken.START_ARRAY) {
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            starts.add(p.currentTokenLocation().getLineNr());
            p.skipChildren();
          }
          varsOpen = true;
        } else {
          p.skipChildren();
        }
      }
    }
    String[] ls = text.split("\n", -1);
    List<LineRange> vars = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : varsEnd;
      while (end > starts.get(i) && (ls[end - 1].isBlank() || ls[end - 1].strip().startsWith("#"))) {
        end--;
      }
      vars.add(new LineRange(starts.get(i), Math.max(starts.get(i), end)));
    }
    return new Lines(parts, vars);
  }
}
