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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    JsonNode tools = tools(in.get("tools"));
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
    if (tools != null) {
      out.set("tools", tools);
    }
    if (id != null && !keepId && !id.isNull()) {
      meta.set("source_id", id);
    }
    meta.put("input_format", format.wire());
    meta.set("original", in.deepCopy());
    out.set("meta", meta);
    return out;
  }

  /**
   * The record's tool definitions in OpenAI's form ({@code [{"type":"function","function":{…}}]}), from an array
   * or a JSON string of one (LLaMA-Factory's ShareGPT {@code tools} column), bare function objects wrapped;
   * null when there are none.
   */
  private static JsonNode tools(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    JsonNode v = n;
    if (n.isTextual()) {
      if (n.asText().isBlank()) {
        return null;
      }
      try {
        v = Json.mapper().readTree(n.asText());
      } catch (java.io.IOException e) {
        throw new RecordException("tools is not JSON", "write tools as a list of function definitions");
      }
    }
    if (v == null || !v.isArray()) {
      throw new RecordException("tools is not a list", "write tools as a list of function definitions");
    }
    if (v.isEmpty()) {
      return null;
    }
    ArrayNode out = F.arrayNode();
    for (JsonNode t : v) {
      if (t.isObject() && !t.has("function") && t.has("name")) {
        ObjectNode w = out.addObject().put("type", "function");
        w.set("function", t.deepCopy());
      } else {
        out.add(t.deepCopy());
      }
    }
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
    Turns out = new Turns();
    for (int i = 0; i < ms.size(); i++) {
      JsonNode m = ms.get(i);
      String where = "messages[" + i + "]";
      if (!m.isObject()) {
        throw new RecordException(where + " is not an object", "write {\"role\":…,\"content\":…}");
      }
      String role = m.path("role").asText("");
      if (role.equals("developer")) {
        role = "system";
      }
      Content c = content(m.get("content"), where + ".content", i);
      List<ObjectNode> calls = new ArrayList<>(c.calls());
      JsonNode tc = m.get("tool_calls");
      if (tc != null && !tc.isNull()) {
        if (!tc.isArray()) {
          throw new RecordException(where + ".tool_calls must be an array", "write [{\"id\":…,\"function\":{…}}]");
        }
        for (int j = 0; j < tc.size(); j++) {
          JsonNode f = tc.get(j).path("function");
          calls.add(call(tc.get(j).path("id").asText(""), f.get("name"), f.get("arguments"), where + ".tool_calls[" + j + "]",
              i, j));
        }
      }
      JsonNode fc = m.get("function_call");
      if (fc != null && fc.isObject()) {
        calls.add(call("", fc.get("name"), fc.get("arguments"), where + ".function_call", i, 0));
      }
      if (role.equals("tool") || role.equals("function")) {
        JsonNode id = m.get("tool_call_id");
        if (id != null && id.isTextual()) {
          out.result(id.asText(), null, c.text(), where);
        } else if (role.equals("function")) {
          out.result(null, m.path("name").asText(null), c.text(), where);
        } else {
          out.observation(c.text(), where);
        }
      } else if (!calls.isEmpty()) {
        out.calls(c.text(), calls, where);
      } else {
        out.add(role, c.text(), where);
      }
    }
    return out.array;
  }

  private static ArrayNode shareGpt(ObjectNode in) {
    JsonNode turns = in.get("conversations");
    if (turns == null || !turns.isArray()) {
      throw new RecordException("conversations must be an array", "write [{\"from\":…,\"value\":…},…]");
    }
    Turns out = new Turns();
    JsonNode system = in.get("system");
    if (system != null && system.isTextual() && !system.asText().isBlank()) {
      out.add("system", system.asText(), "system");
    }
    for (int i = 0; i < turns.size(); i++) {
      JsonNode t = turns.get(i);
      String where = "conversations[" + i + "]";
      String from = t.has("from") ? t.path("from").asText("") : t.path("role").asText("");
      JsonNode value = t.has("value") ? t.get("value") : t.get("content");
      switch (from.toLowerCase(Locale.ROOT)) {
        case "human", "user" -> out.add("user", text(value, where + ".value").asText(), where);
        case "gpt", "assistant", "chatgpt", "bard", "bing", "model" ->
            out.add("assistant", text(value, where + ".value").asText(), where);
        case "system" -> out.add("system", text(value, where + ".value").asText(), where);
        case "function_call", "tool_call" -> out.calls("", shareGptCalls(text(value, where + ".value").asText(), where, i),
            where);
        case "observation", "tool", "function" -> out.observation(text(value, where + ".value").asText(), where);
        default -> throw new RecordException(where + ".from is \"" + from + "\", which has no Quarry role",
            "use human, gpt, system, function_call or observation turns");
      }
    }
    return out.array;
  }

  /** The calls of a ShareGPT {@code function_call} value: one {@code {"name","arguments"}} object, or a list. */
  private static List<ObjectNode> shareGptCalls(String value, String where, int turn) {
    return shareGptCalls(value, where, turn, 0);
  }

  private static List<ObjectNode> shareGptCalls(String value, String where, int turn, int first) {
    JsonNode v;
    try {
      v = Json.mapper().readTree(value);
    } catch (java.io.IOException e) {
      throw new RecordException(where + ".value is not JSON", "write the call as {\"name\":…,\"arguments\":{…}}");
    }
    List<ObjectNode> out = new ArrayList<>();
    List<JsonNode> items = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(items::add);
    } else {
      items.add(v);
    }
    for (int j = 0; j < items.size(); j++) {
      JsonNode c = items.get(j);
      if (c == null || !c.isObject()) {
        throw new RecordException(where + ".value is not a call object", "write {\"name\":…,\"arguments\":{…}}");
      }
      out.add(call("", c.get("name"), c.get("arguments"), where, turn, first + j));
    }
    return out;
  }

  /** One tool call in OpenAI's form; arguments given as an object become their compact JSON text. */
  private static ObjectNode call(String id, JsonNode name, JsonNode arguments, String where, int turn, int index) {
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new RecordException(where + " names no function", "give the call's function name");
    }
    String args = arguments == null || arguments.isNull() ? "{}"
        : arguments.isTextual() ? arguments.asText() : Json.compact(arguments);
    ObjectNode c = F.objectNode();
    c.put("id", id == null || id.isBlank() ? "call_" + turn + "_" + index : id).put("type", "function");
    c.putObject("function").put("name", name.asText()).put("arguments", args);
    return c;
  }

  /** A message's text, and the tool calls given as content parts (LLaMA-Factory v1's {@code tool_call} parts). */
  private record Content(String text, List<ObjectNode> calls) {}

  /**
   * A content string, null, or an array of parts: {@code text}/{@code input_text}/{@code output_text} parts
   * joined by a line break, {@code reasoning} parts first as a {@code <think>} block, {@code tool_call} parts as
   * calls. A part Quarry cannot train on (an image, audio, a file) is refused with its index.
   */
  private static Content content(JsonNode n, String where, int turn) {
    if (n == null || n.isNull()) {
      return new Content("", List.of());
    }
    if (n.isTextual()) {
      return new Content(n.asText(), List.of());
    }
    if (!n.isArray()) {
      throw new RecordException(where + " must be a string or a list of parts, found "
          + n.getNodeType().name().toLowerCase(Locale.ROOT), "give the turn's text as a JSON string");
    }
    StringBuilder text = new StringBuilder();
    StringBuilder thought = new StringBuilder();
    List<ObjectNode> calls = new ArrayList<>();
    for (int k = 0; k < n.size(); k++) {
      JsonNode part = n.get(k);
      String type = part.path("type").asText("");
      JsonNode v = part.has("text") ? part.get("text") : part.get("value");
      switch (type) {
        case "text", "input_text", "output_text" -> append(text, text(v, where + "[" + k + "].text").asText());
        case "reasoning", "thinking" -> append(thought, text(v, where + "[" + k + "].value").asText());
        case "tool_call" -> calls.addAll(shareGptCalls(text(v, where + "[" + k + "].value").asText(),
            where + "[" + k + "]", turn, calls.size()));
        default -> throw new RecordException(where + "[" + k + "] is a \"" + type + "\" part, which Quarry cannot "
            + "train on", "Quarry records are text: drop the part or the record");
      }
    }
    String body = thought.length() == 0 ? text.toString()
        : "<think>\n" + thought + "\n</think>" + (text.length() == 0 ? "" : "\n\n" + text);
    return new Content(body, calls);
  }

  private static void append(StringBuilder sb, String s) {
    if (sb.length() > 0) {
      sb.append('\n');
    }
    sb.append(s);
  }

  /**
   * Builds a Quarry messages array turn by turn, giving each tool result the id of the call it answers: the id
   * the result names, else the call of that function name, else the first unanswered call of the last
   * tool-calling turn.
   */
  private static final class Turns {
    final ArrayNode array = F.arrayNode();
    private final java.util.LinkedHashMap<String, String> pending = new java.util.LinkedHashMap<>();

    void add(String role, String text, String where) {
      array.addObject().put("role", role).put("content", text);
    }

    void calls(String text, List<ObjectNode> calls, String where) {
      ObjectNode m = array.addObject().put("role", "assistant");
      if (!text.isBlank()) {
        m.put("content", text);
      }
      ArrayNode a = m.putArray("tool_calls");
      pending.clear();
      for (ObjectNode c : calls) {
        a.add(c);
        pending.put(c.get("id").asText(), c.path("function").path("name").asText());
      }
    }

    void result(String id, String name, String text, String where) {
      String answered = id;
      if (answered == null && name != null) {
        answered = pending.entrySet().stream().filter(x -> x.getValue().equals(name)).map(Map.Entry::getKey)
            .findFirst().orElse(null);
      }
      if (answered == null) {
        if (pending.isEmpty()) {
          throw new RecordException(where + " is a tool result with no tool call before it",
              "put the assistant turn that calls the tool before its result");
        }
        answered = pending.keySet().iterator().next();
      }
      pending.remove(answered);
      array.addObject().put("role", "tool").put("tool_call_id", answered).put("content", text);
    }

    /**
     * A result that names no call (a ShareGPT observation, a tool message without {@code tool_call_id}): the
     * result of the first pending call, or, when several calls are pending and the text is a JSON list with one
     * entry per call, one result per call in order (an entry's {@code content} when it is a result object).
     */
    void observation(String text, String where) {
      if (pending.size() > 1) {
        try {
          JsonNode v = Json.mapper().readTree(text);
          if (v != null && v.isArray() && v.size() == pending.size()) {
            for (JsonNode r : v) {
              JsonNode body = r.isObject() && r.has("content") ? r.get("content") : r;
              result(null, null, body.isTextual() ? body.asText() : Json.compact(body), where);
            }
            return;
          }
        } catch (java.io.IOException notJson) {
          // fall through: the whole text answers the first call
        }
      }
      result(null, null, text, where);
    }
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
