package dev.quarry.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.Categorizer;
import dev.quarry.extract.FenceLanguage;
import dev.quarry.model.RecordException;
import dev.quarry.validate.rules.SchemaRule;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAI, ShareGPT or Alpaca record into a Quarry record object (issue 15), losing nothing:
 * <ul>
 *   <li>{@code meta.original} holds the original object verbatim, {@code meta.input_format} its format;</li>
 *   <li>a missing {@code source} becomes {@code {"extractor":"import","path":<file>,"lines":[n,n]}};</li>
 *   <li>a missing {@code category} is assigned by the configured category rules ({@code meta.category_rule});
 *       when no path or keyword rule matches it is {@code uncategorized} (rule {@code none});</li>
 *   <li>a missing {@code language} is the first fenced code block's label in the answer, else {@code text};</li>
 *   <li>an {@code id} that is not of Quarry's form moves to {@code meta.source_id} and the content id is
 *       computed; a Quarry-form id ({@code q-…}) stays and must match the content.</li>
 * </ul>
 * The CLI configures it once per run ({@link #configure}); the format is detected per file by
 * {@link JsonlReader} unless forced. Thread-safe.
 */
public final class RecordImport {
  /** The category of an imported record no category rule matched; analyze reports it as a gap. */
  public static final String UNCATEGORIZED = "uncategorized";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```\\s*([A-Za-z0-9_+#.-]+)");
  private static final Pattern QUARRY_ID = Pattern.compile("q-[0-9a-f]{16}");

  private record Settings(InputFormat forced, Categorizer categorizer) {}

  private static volatile Settings settings = new Settings(InputFormat.AUTO, null);

  private RecordImport() {}

  /**
   * Sets, for this process, the format every record file is read as ({@link InputFormat#AUTO} to detect per
   * file) and the configuration whose category rules categorise imported records.
   */
  public static void configure(InputFormat forced, QuarryConfig config) {
    settings = new Settings(forced == null ? InputFormat.AUTO : forced,
        config == null ? null : new Categorizer(config));
  }

  /** The format forced for this process, or {@link InputFormat#AUTO}. */
  public static InputFormat forced() {
    return settings.forced();
  }

  /**
   * The Quarry record object for {@code record} read as {@code format}; a Quarry record is returned as it is.
   *
   * @param file the file it came from, for the import provenance
   * @param line its 1-based line
   * @throws RecordException when the record cannot be expressed as a Quarry record (a turn whose role has no
   *     Quarry equivalent, a non-string text)
   */
  public static JsonNode toQuarry(JsonNode record, InputFormat format, Path file, long line) {
    if (format == InputFormat.QUARRY || !record.isObject()) {
      return record;
    }
    ObjectNode in = (ObjectNode) record;
    ObjectNode out = F.objectNode();
    ArrayNode messages;
    switch (format) {
      case SHAREGPT -> messages = shareGpt(in);
      case ALPACA -> messages = alpaca(in);
      default -> messages = openAi(in);
    }
    JsonNode id = in.get("id");
    boolean keepId = id != null && id.isTextual() && QUARRY_ID.matcher(id.asText()).matches();
    if (keepId) {
      out.set("id", id);
    }
    if (messages.isEmpty()) {
      throw new RecordException("the record has no turns", "give it at least a user and an assistant turn");
    }
    out.set("messages", messages);
    String answer = messages.get(messages.size() - 1).path("content").asText("");
    String user = messages.size() > 1 ? messages.get(messages.size() - 2).path("content").asText("") : "";
    ObjectNode meta = format == InputFormat.OPENAI && in.get("meta") instanceof ObjectNode m ? m.deepCopy()
        : F.objectNode();
    String path = displayPath(file);
    JsonNode category = format == InputFormat.OPENAI ? in.get("category") : null;
    if (category != null && category.isTextual() && !category.asText().isBlank()) {
      out.set("category", category);
    } else {
      Categorizer c = settings.categorizer();
      if (c == null) {
        c = new Categorizer(QuarryConfig.defaults());
      }
      Categorizer.Assignment a = c.assign(path, user + "\n" + answer, UNCATEGORIZED, null);
      boolean matched = a.rule().startsWith("path:") || a.rule().startsWith("keyword:") || a.rule().equals("explicit");
      out.put("category", matched ? a.category() : UNCATEGORIZED);
      meta.put("category_rule", matched ? a.rule() : "none");
    }
    JsonNode language = format == InputFormat.OPENAI ? in.get("language") : null;
    out.set("language", language != null && language.isTextual() ? language : F.textNode(language(answer)));
    JsonNode source = format == InputFormat.OPENAI ? in.get("source") : null;
    if (source != null && !source.isNull()) {
      out.set("source", source);
    } else {
      ObjectNode s = out.putObject("source");
      s.put("extractor", "import").putNull("repo").put("path", path);
      s.putArray("lines").add(line).add(line);
      s.putNull("symbol").putNull("commit");
    }
    JsonNode tags = format == InputFormat.OPENAI ? in.get("tags") : null;
    out.set("tags", tags != null && tags.isArray() ? tags : F.arrayNode());
    if (id != null && !keepId && !id.isNull()) {
      meta.set("source_id", id);
    }
    meta.put("input_format", format.wire());
    meta.set("original", in.deepCopy());
    out.set("meta", meta);
    return out;
  }

  /** The path an import provenance names: as given when relative, the file name when absolute. */
  public static String displayPath(Path file) {
    Path p = file.isAbsolute() ? file.getFileName() : file.normalize();
    return p.toString().replace('\\', '/');
  }

  private static ArrayNode openAi(ObjectNode in) {
    JsonNode ms = in.get("messages");
    if (ms == null || !ms.isArray()) {
      throw new RecordException("messages must be an array", "write messages as [{\"role\":…,\"content\":…},…]");
    }
    ArrayNode out = F.arrayNode();
    for (int i = 0; i < ms.size(); i++) {
      JsonNode m = ms.get(i);
      if (!m.isObject()) {
        throw new RecordException("messages[" + i + "] is not an object", "write {\"role\":…,\"content\":…}");
      }
      String role = m.path("role").asText("");
      if (role.equals("developer")) {
        role = "system";
      }
      out.addObject().put("role", role).set("content", text(m.get("content"), "messages[" + i + "].content"));
    }
    return out;
  }

  private static ArrayNode shareGpt(ObjectNode in) {
    JsonNode turns = in.get("conversations");
    if (turns == null || !turns.isArray()) {
      throw new RecordException("conversations must be an array", "write [{\"from\":…,\"value\":…},…]");
    }
    ArrayNode out = F.arrayNode();
    JsonNode system = in.get("system");
    if (system != null && system.isTextual() && !system.asText().isBlank()) {
      out.addObject().put("role", "system").put("content", system.asText());
    }
    for (int i = 0; i < turns.size(); i++) {
      JsonNode t = turns.get(i);
      String from = t.has("from") ? t.path("from").asText("") : t.path("role").asText("");
      String role = switch (from.toLowerCase(Locale.ROOT)) {
        case "human", "user" -> "user";
        case "gpt", "assistant", "chatgpt", "bard", "bing", "model" -> "assistant";
        case "system" -> "system";
        default -> throw new RecordException("conversations[" + i + "].from is \"" + from + "\", which has no "
            + "Quarry role", "use human, gpt or system turns (tool calls and observations cannot be trained as "
            + "Quarry records)");
      };
      JsonNode value = t.has("value") ? t.get("value") : t.get("content");
      out.addObject().put("role", role).set("content", text(value, "conversations[" + i + "].value"));
    }
    return out;
  }

  private static ArrayNode alpaca(ObjectNode in) {
    ArrayNode out = F.arrayNode();
    JsonNode system = in.get("system");
    if (system != null && system.isTextual() && !system.asText().isBlank()) {
      out.addObject().put("role", "system").put("content", system.asText());
    }
    JsonNode history = in.get("history");
    if (history != null && history.isArray()) {
      for (int i = 0; i < history.size(); i++) {
        JsonNode pair = history.get(i);
        if (!pair.isArray() || pair.size() != 2) {
          throw new RecordException("history[" + i + "] is not a [user, assistant] pair",
              "write history as [[\"question\",\"answer\"],…]");
        }
        out.addObject().put("role", "user").set("content", text(pair.get(0), "history[" + i + "][0]"));
        out.addObject().put("role", "assistant").set("content", text(pair.get(1), "history[" + i + "][1]"));
      }
    }
    String instruction = text(in.get("instruction"), "instruction").asText();
    JsonNode input = in.get("input");
    String prompt = input != null && input.isTextual() && !input.asText().isBlank()
        ? instruction + "\n\n" + input.asText() : instruction;
    out.addObject().put("role", "user").put("content", prompt);
    out.addObject().put("role", "assistant").set("content", text(in.get("output"), "output"));
    return out;
  }

  private static JsonNode text(JsonNode n, String where) {
    if (n == null || !n.isTextual()) {
      throw new RecordException(where + " must be a string, found " + (n == null ? "nothing"
          : n.getNodeType().name().toLowerCase(Locale.ROOT)), "give the turn's text as a JSON string");
    }
    return n;
  }

  private static String language(String answer) {
    Matcher m = FENCE.matcher(answer);
    if (m.find()) {
      String l = FenceLanguage.of(m.group(1));
      if (SchemaRule.LANGUAGES.contains(l)) {
        return l;
      }
    }
    return "text";
  }

  /** True when {@code e}'s JSON keeps an original record of {@code format} whose content is unchanged. */
  public static boolean unchangedImport(dev.quarry.model.Example e, String format) {
    JsonNode original = e.meta().get("original");
    if (original == null || !original.isObject() || !format.equals(e.meta().path("input_format").asText())) {
      return false;
    }
    InputFormat f = InputFormat.fromWire(format).orElse(InputFormat.OPENAI);
    try {
      JsonNode again = toQuarry(original, f, Path.of("x"), 1);
      return dev.quarry.io.ExampleCodec.fromJson(again).id().equals(e.id());
    } catch (RuntimeException x) {
      return false;
    }
  }

  /** The original record kept in {@code e}'s {@code meta.original}, as an exporter writes it back. */
  public static ObjectNode original(dev.quarry.model.Example e, boolean withId) {
    ObjectNode o = F.objectNode();
    JsonNode original = e.meta().get("original");
    if (withId && !original.has("id")) {
      o.put("id", e.id());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      o.set(f.getKey(), f.getValue().deepCopy());
    }
    return o;
  }
}
