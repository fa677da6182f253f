package dev.quarry.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One training example, the canonical record of SPEC §1. Every instance satisfies the structural record
 * rules: the constructor throws {@link RecordException} otherwise, so a value of this type is always valid;
 * whether its category is one of the configured ones is checked by validation.
 *
 * <p>{@link #meta()} and the values of {@link #extra()} are JSON trees; they are copied on the way in and
 * must be treated as read-only by callers (use {@link #withMeta}).
 *
 * @param id content-addressed id, {@code q-} + 16 hex digits of SHA-256 over the canonical JSON of messages
 * @param messages the conversation (rules in {@link MessageOrder})
 * @param category one of the configured categories
 * @param language main language of the assistant's code, or {@code text}
 * @param source provenance
 * @param tags free-form tags, in order
 * @param meta free-form metadata object
 * @param extra unknown top-level fields, in their original order, preserved by every stage
 */
public record Example(
    String id,
    List<Message> messages,
    String category,
    String language,
    Source source,
    List<String> tags,
    ObjectNode meta,
    Map<String, JsonNode> extra) {

  private static final Pattern ID = Pattern.compile("q-[0-9a-f]{16}");

  /** @throws RecordException when a SPEC §1 rule is broken */
  public Example {
    if (messages == null) {
      throw new RecordException("messages is missing", "give a messages array");
    }
    MessageList list = MessageList.of(messages);
    messages = list;
    MessageOrder.check(messages);
    if (id == null) {
      id = list.id();
    } else if (!ID.matcher(id).matches()) {
      throw new RecordException("id \"" + id + "\" is not of the form q-<16 hex digits>",
          "remove the id and let Quarry compute it");
    } else if (!id.equals(list.id())) {
      throw new RecordException("id " + id + " does not match the content (expected " + list.id() + ")",
          "the messages were edited after the id was computed: remove the id or recompute it");
    }
    if (category == null || category.isBlank()) {
      throw new RecordException("category is missing", "give one of the configured categories");
    }
    if (language == null || language.isBlank()) {
      throw new RecordException("language is missing", "give the main language of the answer's code, or \"text\"");
    }
    if (source == null) {
      throw new RecordException("source is missing", "give source.extractor and source.path");
    }
    tags = List.copyOf(tags == null ? List.of() : tags);
    meta = meta == null ? JsonNodeFactory.instance.objectNode() : meta.deepCopy();
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    if (extra != null) {
      extra.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v == null ? null : v.deepCopy()));
    }
    extra = Collections.unmodifiableMap(copy);
  }

  /** A new example with its id computed from the messages, no tags, empty meta and no extra fields. */
  public static Example of(List<Message> messages, String category, String language, Source source) {
    return new Example(null, messages, category, language, source, List.of(), null, Map.of());
  }

  /** This example with other messages and the id recomputed. */
  public Example withMessages(List<Message> newMessages) {
    return new Example(null, newMessages, category, language, source, tags, meta, extra);
  }

  /** This example in another category. */
  public Example withCategory(String newCategory) {
    return new Example(id, messages, newCategory, language, source, tags, meta, extra);
  }

  /** This example with other tags. */
  public Example withTags(List<String> newTags) {
    return new Example(id, messages, category, language, source, newTags, meta, extra);
  }

  /** This example with other metadata (copied). */
  public Example withMeta(ObjectNode newMeta) {
    return new Example(id, messages, category, language, source, tags, newMeta, extra);
  }

  /** A copy of {@link #meta()} the caller may change and pass to {@link #withMeta}. */
  public ObjectNode metaCopy() {
    return meta.deepCopy();
  }

  /** The system prompt, or an empty string when there is none. */
  public String systemPrompt() {
    return messages.get(0).role() == Role.SYSTEM ? messages.get(0).content() : "";
  }

  /** The content of the last assistant message. */
  public String finalAnswer() {
    return messages.get(messages.size() - 1).content();
  }
}
