package dev.quarry.extract.mcp;

import java.util.List;

/**
 * An MCP tool found in code or in a JSON manifest.
 *
 * @param name the tool name clients call
 * @param description its description, or ""
 * @param kind {@code python-decorator}, {@code python-definition}, {@code ts-tool}, {@code ts-definition} or
 *     {@code manifest}
 * @param schema the input schema as written (JSON, a zod object, a model class or a parameter list), or ""
 * @param arguments the arguments with a sample value each, for a sample call
 * @param context code the tool's code refers to that is declared elsewhere in the file (its config), or ""
 */
record McpTool(String name, String description, String kind, String schema, List<Argument> arguments,
    String context) {
  /**
   * An argument of a sample call.
   *
   * @param name the argument's name
   * @param value a realistic JSON value (see {@link ArgumentValues})
   * @param required whether a call must give it (no default, not optional)
   * @param defaultValue its default as written, or ""
   */
  record Argument(String name, String value, boolean required, String defaultValue) {}

  McpTool {
    arguments = List.copyOf(arguments);
  }

  /** Whether the code implements the tool (rather than only declaring it). */
  boolean implemented() {
    return kind.equals("python-decorator") || kind.equals("ts-tool");
  }
}
