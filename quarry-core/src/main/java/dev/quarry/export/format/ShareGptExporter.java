package dev.quarry.export.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import dev.quarry.model.ToolCall;
import dev.quarry.model.ToolDefinitions;
import java.util.ArrayList;
import java.util.List;

/**
 * ShareGPT JSONL: {@code {"id":…,"conversations":[{"from":"system|human|gpt","value":…},…]}}. The system
 * prompt is the first turn with {@code from: system}, which LLaMA-Factory ({@code system_tag}) and axolotl
 * read as the system prompt. Tool use is written the way LLaMA-Factory reads it: a tool-calling turn as
 * {@code from: function_call} (the call as JSON), the results as one {@code from: observation} turn, and the
 * record's tool definitions as the {@code tools} column (a JSON string). ShareGPT has no place for text an
 * assistant says in the same turn as its calls; that text is only in the OpenAI export.
 */
public final class ShareGptExporter extends JsonlSplitExporter {
  @Override
  public String format() {
    return "sharegpt";
  }

  @Override
  public String description() {
    return "ShareGPT JSONL ({\"conversations\":[{\"from\":…,\"value\":…}]})";
  }

  @Override
  ObjectNode convert(Example e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", e.id());
    ArrayNode turns = o.putArray("conversations");
    List<Message> ms = e.messages();
    for (int i = 0; i < ms.size(); i++) {
      Message m = ms.get(i);
      if (m.callsTools()) {
        turns.addObject().put("from", "function_call").put("value", calls(m));
      } else if (m.role() == Role.TOOL) {
        List<String> results = new ArrayList<>();
        for (; i < ms.size() && ms.get(i).role() == Role.TOOL; i++) {
          results.add(ms.get(i).content());
        }
        i--;
        turns.addObject().put("from", "observation").put("value", results.size() == 1 ? results.get(0)
            : Json.compact(JsonNodeFactory.instance.arrayNode().addAll(results.stream()
                .map(JsonNodeFactory.instance::textNode).toList())));
      } else {
        turns.addObject().put("from", from(m)).put("value", m.content());
      }
    }
    String tools = ToolDefinitions.functionsJson(e);
    if (tools != null) {
      o.put("tools", tools);
    }
    return o;
  }

  /**
   * A tool-calling turn as LLaMA-Factory's {@code function_call} value: {@code {"name":…,"arguments":{…}}}, or a
   * list of them for several calls; arguments that are not valid JSON stay text.
   */
  private static String calls(Message m) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (ToolCall c : m.toolCalls()) {
      ObjectNode call = list.addObject().put("name", c.name());
      call.set("arguments", ToolDefinitions.argumentsNode(c.arguments()));
    }
    return Json.compact(list.size() == 1 ? list.get(0) : list);
  }

  private static String from(Message m) {
    return switch (m.role()) {
      case SYSTEM -> "system";
      case USER -> "human";
      case ASSISTANT -> "gpt";
      case TOOL -> "observation";
    };
  }
}
