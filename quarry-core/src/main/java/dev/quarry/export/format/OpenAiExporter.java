package dev.quarry.export.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.ExampleCodec;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.ToolDefinitions;

/**
 * OpenAI chat fine-tuning JSONL: {@code {"messages":[{"role":…,"content":…},…]}}, with {@code tool_calls},
 * {@code tool} turns and the record's {@code tools} for tool use, and nothing else (ids,
 * provenance and metadata are stripped, as the fine-tuning API rejects unknown keys). Writes
 * {@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl} and {@code format-check.json}: the
 * result of the checks of OpenAI's data-preparation guide on every written line (see
 * {@link OpenAiFormatCheck}), with cl100k_base token statistics and the examples over the 16,385-token limit.
 */
public final class OpenAiExporter extends JsonlSplitExporter {
  @Override
  public String format() {
    return "openai";
  }

  @Override
  public String description() {
    return "OpenAI chat fine-tuning JSONL ({\"messages\":[…]})";
  }

  @Override
  ObjectNode convert(Example e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode ms = o.putArray("messages");
    for (Message m : e.messages()) {
      ExampleCodec.writeMessage(ms.addObject(), m);
    }
    ArrayNode tools = ToolDefinitions.of(e);
    if (tools != null) {
      o.set("tools", tools.deepCopy());
    }
    return o;
  }

  /**
   * An imported OpenAI record is written back with the keys the fine-tuning format knows ({@code messages},
   * {@code tools}, {@code parallel_tool_calls}; messages keep {@code weight} and {@code name}); any other key
   * (a foreign id, the team's own fields) stays in the Quarry record's {@code meta.original} only, since the
   * fine-tuning API rejects unknown keys.
   */
  @Override
  java.util.Set<String> restoredKeys() {
    return OpenAiFormatCheck.KEYS;
  }

  @Override
  Audit audit() {
    return new OpenAiFormatCheck.Audit();
  }
}
