package dev.quarry.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quarry.io.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The functions a record declares it may call: its top-level {@code tools} field in OpenAI's form
 * ({@code [{"type":"function","function":{"name":…,"description":…,"parameters":{…}}},…]}), which every stage
 * carries as an unknown field. Converts it to the forms other formats use.
 */
public final class ToolDefinitions {
  /** The top-level field that holds the definitions. */
  public static final String FIELD = "tools";

  private ToolDefinitions() {}

  /** The declared definitions, or null when the record declares none. */
  public static ArrayNode of(Example e) {
    JsonNode t = e.extra().get(FIELD);
    return t instanceof ArrayNode a && !a.isEmpty() ? a : null;
  }

  /**
   * The declared function names, or null when the record declares no tools (then any call is allowed). A
   * definition in the bare form ({@code {"name":…}}) counts as well as OpenAI's.
   */
  public static Set<String> names(Example e) {
    ArrayNode a = of(e);
    if (a == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode t : a) {
      JsonNode f = t.has("function") ? t.get("function") : t;
      if (f.path("name").isTextual()) {
        out.add(f.get("name").asText());
      }
    }
    return out;
  }

  /**
   * The definitions as LLaMA-Factory's ShareGPT {@code tools} column reads them: a JSON string of the bare
   * function objects ({@code [{"name":…,"description":…,"parameters":…}]}); null when none are declared.
   */
  public static String functionsJson(Example e) {
    ArrayNode a = of(e);
    if (a == null) {
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode t : a) {
      out.add(t.has("function") ? t.get("function").deepCopy() : t.deepCopy());
    }
    return Json.compact(out);
  }

  /** A call's argument text as a JSON value: the parsed JSON, or the text itself when it is not valid JSON. */
  public static JsonNode argumentsNode(String arguments) {
    try {
      JsonNode n = Json.mapper().readTree(arguments);
      return n == null || n.isMissingNode() ? TextNode.valueOf(arguments) : n;
    } catch (Exception notJson) {
      return TextNode.valueOf(arguments);
    }
  }
}
