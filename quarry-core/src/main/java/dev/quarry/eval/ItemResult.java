package dev.quarry.eval;

import java.util.Objects;
import java.util.Optional;

/**
 * The answers to one prompt.
 *
 * @param item the prompt
 * @param adapter the evaluated model's answer
 * @param baseline the baseline's answer, or {@code null} when there is no baseline
 */
public record ItemResult(EvalItem item, ModelAnswer adapter, ModelAnswer baseline) {
  /** Null-checks. */
  public ItemResult {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(adapter, "adapter");
  }

  /** The baseline's answer, when there is a baseline. */
  public Optional<ModelAnswer> baselineIfAny() {
    return Optional.ofNullable(baseline);
  }

  /** Adapter score minus baseline score; 0 without a baseline. */
  public double delta() {
    return baseline == null ? 0 : adapter.scores().overall() - baseline.scores().overall();
  }
}
