package dev.quarry.export.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import dev.quarry.model.Message;

/**
 * ShareGPT JSONL: {@code {"id":…,"conversations":[{"from":"system|human|gpt","value":…},…]}}. The system
 * prompt is the first turn with {@code from: system}, which LLaMA-Factory ({@code system_tag}) and axolotl
 * read as the system prompt.
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
    for (Message m : e.messages()) {
      turns.addObject().put("from", from(m)).put("value", m.content());
    }
    return o;
  }

  private static String from(Message m) {
    return switch (m.role()) {
      case SYSTEM -> "system";
      case USER -> "human";
      case ASSISTANT -> "gpt";
    };
  }
}
