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
 * @param expected the platform names a right answer must use (a goal-first example's {@code meta.expected_api}, a
 *     probe's {@code expect}); empty when the item does not test API choice
 */
public record EvalItem(String id, String category, String language, List<Message> prompt, String reference,
    List<String> expected) {
  /** Checks and copies. */
  public EvalItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(reference, "reference");
    prompt = List.copyOf(prompt);
    expected = List.copyOf(expected);
    if (prompt.isEmpty() || prompt.get(prompt.size() - 1).role() != Role.USER) {
      throw new IllegalArgumentException("the prompt of " + id + " must end with a user message");
    }
  }

  /** An item that does not test API choice. */
  public EvalItem(String id, String category, String language, List<Message> prompt, String reference) {
    this(id, category, language, prompt, reference, List.of());
  }

  /** The last user message: what is asked. */
  public String question() {
    return prompt.get(prompt.size() - 1).content();
  }
}
