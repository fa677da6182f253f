package dev.quarry.eval;

import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.util.List;
import java.util.Objects;

/**
 * One prompt to evaluate.
 *
 * @param id the example's id (or the probe's)
 * @param category its category ("" when the probe gives none)
 * @param language the reference's language, or {@code text}
 * @param prompt the conversation up to and including the last user message
 * @param reference the reference answer, or "" for a probe without one
 */
public record EvalItem(String id, String category, String language, List<Message> prompt, String reference) {
  /** Checks and copies. */
  public EvalItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(reference, "reference");
    prompt = List.copyOf(prompt);
    if (prompt.isEmpty() || prompt.get(prompt.size() - 1).role() != Role.USER) {
      throw new IllegalArgumentException("the prompt of " + id + " must end with a user message");
    }
  }

  /** The last user message: what is asked. */
  public String question() {
    return prompt.get(prompt.size() - 1).content();
  }
}
