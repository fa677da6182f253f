package dev.quarry.export.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.util.List;

/**
 * Alpaca JSONL as LLaMA-Factory reads it:
 * {@code {"id","instruction","input","output","system","history"}}. {@code instruction} is the last user
 * turn, {@code output} the last assistant turn, {@code input} is always empty (Quarry's prompts are
 * self-contained), {@code system} the system prompt ({@code ""} when none) and {@code history} the earlier
 * turns as {@code [[user, assistant], …]} ({@code []} for a single turn). Every line has every field, so the
 * schema never varies between lines. A conversation that calls tools cannot be written (Alpaca has no tool
 * turns, and dropping them would teach answering without the call): it is listed in {@code skipped.json}.
 */
public final class AlpacaExporter extends JsonlSplitExporter {
  @Override
  public String format() {
    return "alpaca";
  }

  @Override
  public String description() {
    return "Alpaca JSONL (instruction/input/output, system, history for multi-turn)";
  }

  @Override
  String cannotExpress(Example e) {
    return "the conversation calls tools, and Alpaca has no tool turns (export openai or sharegpt for it)";
  }

  @Override
  ObjectNode convert(Example e) {
    if (e.messages().stream().anyMatch(m -> m.callsTools() || m.role() == Role.TOOL)) {
      return null;
    }
    List<Message> turns = e.messages().get(0).role() == Role.SYSTEM
        ? e.messages().subList(1, e.messages().size()) : e.messages();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", e.id());
    o.put("instruction", turns.get(turns.size() - 2).content());
    o.put("input", "");
    o.put("output", turns.get(turns.size() - 1).content());
    o.put("system", e.systemPrompt());
    ArrayNode history = o.putArray("history");
    for (int i = 0; i + 1 < turns.size() - 2; i += 2) {
      history.addArray().add(turns.get(i).content()).add(turns.get(i + 1).content());
    }
    return o;
  }
}
