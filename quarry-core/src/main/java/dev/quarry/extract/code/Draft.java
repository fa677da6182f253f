package dev.quarry.extract.code;

import dev.quarry.model.Message;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conversation an extractor wrote for a candidate, before the common parts (system prompt, provenance,
 * category) are added.
 *
 * @param user the request
 * @param assistant the answer
 * @param language main language of the answer's code
 * @param tags tags of the example
 * @param meta extra {@code meta} fields (sorted)
 * @param followUps later turns of the conversation (user, assistant, ...), each grounded in the same file;
 *     empty for a single-turn example
 */
public record Draft(String user, String assistant, String language, List<String> tags, Map<String, String> meta,
    List<Message> followUps) {
  /** Copies collections. */
  public Draft {
    tags = List.copyOf(tags);
    meta = java.util.Collections.unmodifiableMap(new TreeMap<>(meta));
    followUps = List.copyOf(followUps);
  }

  /** A single-turn draft. */
  public Draft(String user, String assistant, String language, List<String> tags, Map<String, String> meta) {
    this(user, assistant, language, tags, meta, List.of());
  }

  /** A draft without meta. */
  public static Draft of(String user, String assistant, String language, List<String> tags) {
    return new Draft(user, assistant, language, tags, Map.of());
  }
}
