package dev.quarry.model;

import java.util.Objects;

/**
 * One function call an assistant turn makes, in OpenAI's chat form
 * ({@code {"id":…,"type":"function","function":{"name":…,"arguments":"{…}"}}}).
 *
 * @param id the call's id, which the {@code tool} message answering it names in {@code tool_call_id}; never blank
 * @param name the function called; never blank
 * @param arguments the arguments as JSON text, exactly as written (OpenAI keeps them a string); never null
 */
public record ToolCall(String id, String name, String arguments) {
  /** @throws RecordException when the id or name is blank or the arguments are missing */
  public ToolCall {
    if (id == null || id.isBlank()) {
      throw new RecordException("a tool call has no id", "give every tool call an id that its tool message names");
    }
    if (name == null || name.isBlank()) {
      throw new RecordException("tool call " + id + " names no function", "give function.name");
    }
    Objects.requireNonNull(arguments, "arguments");
  }

  /** This call with other text (a redaction) for its name and arguments. */
  public ToolCall with(String newName, String newArguments) {
    return new ToolCall(id, newName, newArguments);
  }
}
