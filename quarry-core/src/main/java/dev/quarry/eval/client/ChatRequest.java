package dev.quarry.eval.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Hashing;
import dev.quarry.model.ExampleIds;
import dev.quarry.model.Message;
import java.util.List;
import java.util.Objects;

/**
 * One chat completion request.
 *
 * @param model the model name the server knows (a LoRA module name, or the base model)
 * @param messages the conversation to complete, ending with a user message
 * @param temperature sampling temperature; 0 for reproducible answers
 * @param maxTokens the answer's token limit
 */
public record ChatRequest(String model, List<Message> messages, double temperature, int maxTokens) {
  /** Checks and copies. */
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }

  /**
   * The cache key: SHA-256 over the canonical JSON of model, messages and parameters. It does not depend on
   * the endpoint, so the same question to the same model on another server is not asked again.
   */
  public String cacheKey() {
    StringBuilder sb = new StringBuilder("{\"max_tokens\":").append(maxTokens).append(",\"messages\":")
        .append(ExampleIds.canonicalMessages(messages)).append(",\"model\":");
    ExampleIds.appendJcsString(sb, model);
    sb.append(",\"temperature\":").append(Double.toString(temperature)).append('}');
    return Hashing.sha256(sb.toString());
  }

  /** The OpenAI-compatible request body. */
  public ObjectNode body() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("model", model);
    ArrayNode ms = o.putArray("messages");
    for (Message m : messages) {
      ms.addObject().put("role", m.role().wire()).put("content", m.content());
    }
    o.put("temperature", temperature);
    o.put("max_tokens", maxTokens);
    o.put("stream", false);
    return o;
  }
}
