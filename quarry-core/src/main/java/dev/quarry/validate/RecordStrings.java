package dev.quarry.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.model.ToolCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every string of an {@link Example}, each with a stable location label, so that a rule which must see the
 * whole record (secrets, attribution) scans every field and not only the messages, and a redaction can rewrite
 * every field in one pass.
 *
 * <p>Order and labels (stable; they appear in findings):
 * <ol>
 *   <li>each message content, labelled {@code role[#k]} as in {@link Locations#message}, followed by the name
 *       and arguments of each tool call it makes ({@code assistant[#k].tool_calls[j].name}, {@code …arguments});
 *   <li>{@code category}, {@code language};
 *   <li>{@code source.extractor}, {@code source.repo}, {@code source.path}, {@code source.symbol},
 *       {@code source.commit} (those that are present);
 *   <li>{@code tags[i]};
 *   <li>under {@code meta}, depth-first in document order, every key ({@link Field#key()} true, labelled with its
 *       path, {@code meta.foo}) and every string value ({@code meta.foo.bar[2]});
 *   <li>unknown top-level fields the same way, under {@code extra.<name>}.
 * </ol>
 * Numbers, booleans and nulls are not strings and are not listed. A label quotes object keys as they are: a rule
 * that must not reveal what it found in a key (a secret) masks the label itself.
 */
public final class RecordStrings {
  /** Which part of the record a string belongs to. */
  public enum Kind { MESSAGE, CATEGORY, LANGUAGE, SOURCE, TAG, META, EXTRA }

  /**
   * One string of a record.
   *
   * @param kind the part of the record
   * @param key whether the string is an object key (under {@code meta} or an unknown field), not a value
   * @param location the label ({@code assistant}, {@code tags[0]}, {@code meta.foo.bar[2]})
   * @param text the string
   * @param message the 0-based message index for {@link Kind#MESSAGE}, else -1
   */
  public record Field(Kind kind, boolean key, String location, String text, int message) {
    /**
     * The location of character {@code offset} of {@link #text()}: {@code role[#k]:line} for a message (the
     * form of {@link Locations#of}); for any other field its label, with {@code :line} appended when the value
     * spans several lines.
     */
    public String at(int offset) {
      if (kind == Kind.MESSAGE) {
        return location + ":" + Locations.lineAt(text, offset);
      }
      return text.indexOf('\n') < 0 ? location : location + ":" + Locations.lineAt(text, offset);
    }
  }

  private RecordStrings() {}

  /** Every string of {@code e}, in the documented order. */
  public static List<Field> of(Example e) {
    List<Field> out = new ArrayList<>();
    visit(e, f -> {
      out.add(f);
      return f.text();
    });
    return out;
  }

  /**
   * {@code e} with every string replaced by {@code f.apply(field)}, visited in the documented order; the same
   * instance when nothing changed. A changed message recomputes the id; a changed key renames it in place (when
   * two keys of one object become equal, the later value wins).
   *
   * @throws dev.quarry.model.RecordException when a replacement breaks the record (a blank category)
   */
  public static Example map(Example e, Function<Field, String> f) {
    return visit(e, f);
  }

  private static Example visit(Example e, Function<Field, String> f) {
    List<Message> messages = new ArrayList<>(e.messages().size());
    boolean changedMessages = false;
    for (int i = 0; i < e.messages().size(); i++) {
      Message m = e.messages().get(i);
      String label = Locations.message(e, i);
      String t = f.apply(new Field(Kind.MESSAGE, false, label, m.content(), i));
      Message mapped = t.equals(m.content()) ? m : m.withContent(t);
      if (m.callsTools()) {
        List<ToolCall> calls = new ArrayList<>(m.toolCalls().size());
        boolean changedCalls = false;
        for (int j = 0; j < m.toolCalls().size(); j++) {
          ToolCall c = m.toolCalls().get(j);
          String at = label + ".tool_calls[" + j + "]";
          String name = f.apply(new Field(Kind.MESSAGE, false, at + ".name", c.name(), i));
          String args = f.apply(new Field(Kind.MESSAGE, false, at + ".arguments", c.arguments(), i));
          boolean same = name.equals(c.name()) && args.equals(c.arguments());
          changedCalls |= !same;
          calls.add(same ? c : c.with(name, args));
        }
        if (changedCalls) {
          mapped = mapped.withToolCalls(calls);
        }
      }
      changedMessages |= mapped != m;
      messages.add(mapped);
    }
    String category = value(f, Kind.CATEGORY, "category", e.category());
    String language = value(f, Kind.LANGUAGE, "language", e.language());
    Source s = e.source();
    Source source = new Source(value(f, Kind.SOURCE, "source.extractor", s.extractor()),
        value(f, Kind.SOURCE, "source.repo", s.repo()), value(f, Kind.SOURCE, "source.path", s.path()), s.lines(),
        value(f, Kind.SOURCE, "source.symbol", s.symbol()), value(f, Kind.SOURCE, "source.commit", s.commit()));
    List<String> tags = new ArrayList<>(e.tags().size());
    for (int i = 0; i < e.tags().size(); i++) {
      tags.add(value(f, Kind.TAG, "tags[" + i + "]", e.tags().get(i)));
    }
    ObjectNode meta = (ObjectNode) tree(f, Kind.META, "meta", e.meta());
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    boolean changedExtra = false;
    for (Map.Entry<String, JsonNode> x : e.extra().entrySet()) {
      String label = "extra." + x.getKey();
      String k = f.apply(new Field(Kind.EXTRA, true, label, x.getKey(), -1));
      JsonNode v = x.getValue() == null ? null : tree(f, Kind.EXTRA, label, x.getValue());
      changedExtra |= !k.equals(x.getKey()) || v != x.getValue();
      extra.put(k, v);
    }
    boolean same = !changedMessages && category.equals(e.category()) && language.equals(e.language())
        && source.equals(s) && tags.equals(e.tags()) && meta == e.meta() && !changedExtra;
    if (same) {
      return e;
    }
    Example out = new Example(changedMessages ? null : e.id(), messages, category, language, source, tags, meta,
        changedExtra ? extra : e.extra());
    return out;
  }

  private static String value(Function<Field, String> f, Kind kind, String label, String text) {
    return text == null ? null : f.apply(new Field(kind, false, label, text, -1));
  }

  /** The node with its strings mapped; the same instance when nothing changed. */
  private static JsonNode tree(Function<Field, String> f, Kind kind, String label, JsonNode n) {
    if (n.isTextual()) {
      String t = f.apply(new Field(kind, false, label, n.asText(), -1));
      return t.equals(n.asText()) ? n : TextNode.valueOf(t);
    }
    if (n.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      boolean changed = false;
      for (int i = 0; i < n.size(); i++) {
        JsonNode c = tree(f, kind, label + "[" + i + "]", n.get(i));
        changed |= c != n.get(i);
        copy.add(c);
      }
      return changed ? copy : n;
    }
    if (n.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      boolean changed = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> x = it.next();
        String path = label + "." + x.getKey();
        String k = f.apply(new Field(kind, true, path, x.getKey(), -1));
        JsonNode c = tree(f, kind, path, x.getValue());
        changed |= !k.equals(x.getKey()) || c != x.getValue();
        copy.set(k, c);
      }
      return changed ? copy : n;
    }
    return n;
  }
}
