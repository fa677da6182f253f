package dev.quarry.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import dev.quarry.eval.score.Grounding;
import dev.quarry.eval.symbols.SymbolIndex;
import dev.quarry.io.JsonlLine;
import dev.quarry.io.JsonlReader;
import dev.quarry.model.Example;
import dev.quarry.model.ExampleIds;
import dev.quarry.model.Message;
import dev.quarry.model.RecordException;
import dev.quarry.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the prompts of an eval: a dataset split (records of SPEC §1, whose last assistant message is the
 * reference) or a probes file, one JSON object a line:
 *
 * <pre>{@code
 * {"id": "probe-1", "category": "sdk", "prompt": "How do I stream a chat reply with useChat?", "reference": "…"}
 * {"messages": [{"role": "system", "content": "…"}, {"role": "user", "content": "…"}]}
 * }</pre>
 *
 * <p>A probe needs {@code prompt} or {@code messages} ending with a user message; {@code id} defaults to
 * {@code p-} + 16 hex digits of the prompt's hash, {@code system} adds a system message, {@code reference},
 * {@code category}, {@code language} and {@code expect} (the platform names a right answer uses, scored by
 * {@code api-choice}) are optional; a dataset record's {@code meta.expected_api} is its {@code expect}. Items keep the file's order. Eval sets are small (a test
 * split or a probe list), so they are held in memory; {@code limit} bounds them.
 *
 * <p>With the platform's symbol index, every other goal-first record becomes an API-choice probe too: a record
 * marked {@code meta.goal_first}, or whose question names no platform symbol while its reference does, expects
 * the first {@value #MAX_DERIVED} platform names its reference uses that the question does not name (the
 * endpoint, hook, SDK method or tool the model must choose; capitalised names, types and error classes, are not
 * expected).
 */
public final class EvalItems {
  /** At most this many expected names are derived from a goal-first record's reference. */
  public static final int MAX_DERIVED = 3;

  private EvalItems() {}

  /**
   * Reads up to {@code limit} items; goal-first records without {@code meta.expected_api} expect the platform
   * names of {@code index} their reference chooses.
   *
   * @throws InputException as {@link #read(Path, int)}
   */
  public static List<EvalItem> read(Path file, int limit, SymbolIndex index) {
    return read(file, limit, Optional.of(new Grounding(index)));
  }

  private static EvalItem withDerived(EvalItem item, boolean markedGoalFirst, Grounding g) {
    Set<String> asked = g.platformNames(item.question());
    if (!markedGoalFirst && !asked.isEmpty()) {
      return item;
    }
    List<String> expected = new ArrayList<>();
    for (String name : g.platformNames(item.reference())) {
      // A type or error class the reference mentions is not the surface it chose.
      boolean type = Character.isUpperCase(name.charAt(0));
      if (!type && !asked.contains(name) && expected.size() < MAX_DERIVED) {
        expected.add(name);
      }
    }
    return new EvalItem(item.id(), item.category(), item.language(), item.prompt(), item.reference(), expected);
  }

  /**
   * Reads up to {@code limit} items.
   *
   * @throws InputException naming file and line for a line that is neither a record nor a probe, or a
   *     duplicate id
   */
  public static List<EvalItem> read(Path file, int limit) {
    return read(file, limit, Optional.empty());
  }

  private static List<EvalItem> read(Path file, int limit, Optional<Grounding> derive) {
    List<EvalItem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Stream<JsonlLine> lines = JsonlReader.read(file)) {
      for (Iterator<JsonlLine> it = lines.iterator(); it.hasNext() && out.size() < limit; ) {
        JsonlLine l = it.next();
        EvalItem item = l instanceof JsonlLine.Parsed p ? fromExample(p.example())
            : probe(file, l.line(), ((JsonlLine.Malformed) l));
        if (derive.isPresent() && item.expected().isEmpty()) {
          boolean marked = l instanceof JsonlLine.Parsed p && p.example().meta().path("goal_first").asBoolean(false);
          item = withDerived(item, marked, derive.get());
        }
        if (!ids.add(item.id())) {
          throw new InputException(file.toString(), l.line(), "duplicate id " + item.id(),
              "give every prompt its own id, or remove the repeated prompt");
        }
        out.add(item);
      }
    }
    if (out.isEmpty()) {
      throw new InputException(file.toString(), 0, "no prompts",
          "pass a test split or a probes file with one prompt a line");
    }
    return out;
  }

  static EvalItem fromExample(Example e) {
    List<Message> m = e.messages();
    List<String> expected = new ArrayList<>();
    e.meta().path("expected_api").forEach(n -> expected.add(n.asText()));
    return new EvalItem(e.id(), e.category(), e.language(), m.subList(0, m.size() - 1), e.finalAnswer(), expected);
  }

  private static EvalItem probe(Path file, long line, JsonlLine.Malformed m) {
    JsonNode n = m.original();
    if (m.reason().rule().equals("json") || !n.isObject() || n.has("raw") && n.size() == 1) {
      throw new InputException(file.toString(), line, m.reason().message(),
          "write one JSON object a line: a dataset record or {\"prompt\": \"…\"}");
    }
    try {
      List<Message> prompt = new ArrayList<>();
      if (n.path("system").isTextual()) {
        prompt.add(Message.system(n.path("system").asText()));
      }
      if (n.path("prompt").isTextual()) {
        prompt.add(Message.user(n.path("prompt").asText()));
      } else if (n.path("messages").isArray()) {
        for (JsonNode msg : n.path("messages")) {
          Role role = Role.fromWire(msg.path("role").asText()).orElseThrow(() -> new RecordException(
              "unknown role " + msg.path("role"), "use system, user or assistant"));
          prompt.add(new Message(role, msg.path("content").asText()));
        }
      }
      if (prompt.isEmpty() || prompt.get(prompt.size() - 1).role() != Role.USER) {
        throw new RecordException("a probe needs \"prompt\" or \"messages\" ending with a user message",
            "add the question as \"prompt\"");
      }
      String id = n.path("id").isTextual() ? n.path("id").asText()
          : "p-" + ExampleIds.of(prompt).substring(2);
      List<String> expected = new ArrayList<>();
      n.path("expect").forEach(x -> expected.add(x.asText()));
      return new EvalItem(id, n.path("category").asText(""), n.path("language").asText("text"), prompt,
          n.path("reference").asText(""), expected);
    } catch (RecordException e) {
      throw new InputException(file.toString(), line, e.getMessage(), e.fix());
    }
  }
}
