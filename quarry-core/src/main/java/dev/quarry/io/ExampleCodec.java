package dev.quarry.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.RecordException;
import dev.quarry.model.Rejection;
import dev.quarry.model.Role;
import dev.quarry.model.Source;
import dev.quarry.model.ToolCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between {@link Example} and its JSON object (SPEC §1). Output field order is fixed: {@code id,
 * messages, category, language, source, tags, meta}, then unknown fields in their original order.
 */
public final class ExampleCodec {
  /** The top-level fields the model knows; every other field is carried in {@link Example#extra()}. */
  public static final Set<String> KNOWN = Set.of("id", "messages", "category", "language", "source", "tags", "meta");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ExampleCodec() {}

  /** The JSON object of an example. */
  public static ObjectNode toJson(Example e) {
    ObjectNode o = F.objectNode();
    o.put("id", e.id());
    ArrayNode ms = o.putArray("messages");
    for (Message m : e.messages()) {
      writeMessage(ms.addObject(), m);
    }
    o.put("category", e.category());
    o.put("language", e.language());
    ObjectNode s = o.putObject("source");
    Source src = e.source();
    s.put("extractor", src.extractor());
    s.put("repo", src.repo());
    s.put("path", src.path());
    if (src.lines() == null) {
      s.putNull("lines");
    } else {
      s.putArray("lines").add(src.lines().first()).add(src.lines().last());
    }
    s.put("symbol", src.symbol());
    s.put("commit", src.commit());
    ArrayNode tags = o.putArray("tags");
    e.tags().forEach(tags::add);
    o.set("meta", e.meta().deepCopy());
    e.extra().forEach((k, v) -> o.set(k, v == null ? F.nullNode() : v.deepCopy()));
    return o;
  }

  /**
   * Writes one message in OpenAI's chat form: {@code role}, {@code content} (absent on an assistant turn that only
   * calls tools), {@code tool_call_id} on a tool turn, {@code tool_calls} on an assistant turn that calls tools.
   */
  public static ObjectNode writeMessage(ObjectNode into, Message m) {
    into.put("role", m.role().wire());
    if (!(m.callsTools() && m.content().isEmpty())) {
      into.put("content", m.content());
    }
    if (m.toolCallId() != null) {
      into.put("tool_call_id", m.toolCallId());
    }
    if (m.callsTools()) {
      ArrayNode calls = into.putArray("tool_calls");
      for (ToolCall c : m.toolCalls()) {
        ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
        call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
      }
    }
    return into;
  }

  /** The JSON object of a rejected record: the record plus its {@code rejection} array. */
  public static ObjectNode toRejectedJson(ObjectNode original, List<Rejection> reasons) {
    ObjectNode o = original.deepCopy();
    o.remove("rejection");
    ArrayNode arr = o.putArray("rejection");
    for (Rejection r : reasons) {
      arr.addObject()
          .put("rule", r.rule())
          .put("severity", r.severity().wire())
          .put("message", r.message())
          .put("location", r.location());
    }
    return o;
  }

  /**
   * Reads an example from its JSON object. A {@code rejection} field from an earlier run is not kept.
   *
   * @throws RecordException when the object breaks a SPEC §1 rule or a field has the wrong type
   */
  public static Example fromJson(JsonNode node) {
    if (!node.isObject()) {
      throw new RecordException("a record must be a JSON object, found " + node.getNodeType().name().toLowerCase(),
          "write one JSON object per line");
    }
    ObjectNode o = (ObjectNode) node;
    String id = optText(o, "id");
    List<Message> messages = messages(o.get("messages"));
    String category = optText(o, "category");
    String language = optText(o, "language");
    Source source = source(o.get("source"));
    List<String> tags = tags(o.get("tags"));
    JsonNode meta = o.get("meta");
    if (meta != null && !meta.isNull() && !meta.isObject()) {
      throw new RecordException("meta must be an object", "write meta as {…}");
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!KNOWN.contains(f.getKey()) && !f.getKey().equals("rejection")) {
        extra.put(f.getKey(), f.getValue());
      }
    }
    return new Example(id, messages, category, language, source, tags,
        meta == null || meta.isNull() ? null : (ObjectNode) meta, extra);
  }

  private static List<Message> messages(JsonNode n) {
    if (n == null || !n.isArray()) {
      throw new RecordException("messages must be an array", "write messages as [{\"role\":…,\"content\":…},…]");
    }
    List<Message> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode m = n.get(i);
      if (!m.isObject()) {
        throw new RecordException("messages[" + i + "] is not an object", "write {\"role\":…,\"content\":…}");
      }
      JsonNode role = m.get("role");
      if (role == null || !role.isTextual() || Role.fromWire(role.asText()).isEmpty()) {
        throw new RecordException("messages[" + i + "].role is " + (role == null ? "missing" : role.toString()),
            "use \"system\", \"user\", \"assistant\" or \"tool\"");
      }
      List<ToolCall> calls = toolCalls(m.get("tool_calls"), i);
      JsonNode content = m.get("content");
      boolean absentOk = !calls.isEmpty() && (content == null || content.isNull());
      if (!absentOk && (content == null || !content.isTextual())) {
        throw new RecordException("messages[" + i + "].content must be a string",
            "give the message text as a JSON string");
      }
      JsonNode callId = m.get("tool_call_id");
      if (callId != null && !callId.isNull() && !callId.isTextual()) {
        throw new RecordException("messages[" + i + "].tool_call_id must be a string", "give the call's id");
      }
      try {
        out.add(new Message(Role.fromWire(role.asText()).orElseThrow(), absentOk ? "" : content.asText(), calls,
            callId == null || callId.isNull() ? null : callId.asText()));
      } catch (RecordException e) {
        throw new RecordException("messages[" + i + "]: " + e.getMessage(), e.fix());
      }
    }
    return out;
  }

  private static List<ToolCall> toolCalls(JsonNode n, int i) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    String where = "messages[" + i + "].tool_calls";
    if (!n.isArray()) {
      throw new RecordException(where + " must be an array", "write [{\"id\":…,\"type\":\"function\",\"function\":{…}}]");
    }
    List<ToolCall> out = new ArrayList<>(n.size());
    for (int j = 0; j < n.size(); j++) {
      JsonNode c = n.get(j);
      JsonNode f = c.get("function");
      if (!c.isObject() || f == null || !f.isObject()) {
        throw new RecordException(where + "[" + j + "] has no function object",
            "write {\"id\":…,\"type\":\"function\",\"function\":{\"name\":…,\"arguments\":\"{…}\"}}");
      }
      JsonNode args = f.get("arguments");
      if (args == null || !args.isTextual()) {
        throw new RecordException(where + "[" + j + "].function.arguments must be a string",
            "give the arguments as JSON text, as OpenAI writes them");
      }
      try {
        out.add(new ToolCall(c.path("id").isTextual() ? c.get("id").asText() : null,
            f.path("name").isTextual() ? f.get("name").asText() : null, args.asText()));
      } catch (RecordException e) {
        throw new RecordException(where + "[" + j + "]: " + e.getMessage(), e.fix());
      }
    }
    return out;
  }

  private static Source source(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new RecordException("source must be an object", "write source as {\"extractor\":…,\"path\":…}");
    }
    JsonNode lines = n.get("lines");
    LineRange range = null;
    if (lines != null && !lines.isNull()) {
      if (!lines.isArray() || lines.size() != 2 || !lines.get(0).canConvertToInt() || !lines.get(1).canConvertToInt()
          || !lines.get(0).isIntegralNumber() || !lines.get(1).isIntegralNumber()) {
        throw new RecordException("source.lines must be [first,last]", "give two 1-based line numbers");
      }
      range = new LineRange(lines.get(0).asInt(), lines.get(1).asInt());
    }
    return new Source(optText(n, "extractor"), optText(n, "repo"), optText(n, "path"), range,
        optText(n, "symbol"), optText(n, "commit"));
  }

  private static List<String> tags(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new RecordException("tags must be an array of strings", "write tags as [\"a\",\"b\"]");
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode t : n) {
      if (!t.isTextual()) {
        throw new RecordException("tags must be strings, found " + t, "write tags as [\"a\",\"b\"]");
      }
      out.add(t.asText());
    }
    return out;
  }

  private static String optText(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new RecordException(field + " must be a string, found " + v.getNodeType().name().toLowerCase(),
          "write " + field + " as a JSON string");
    }
    return v.asText();
  }
}
