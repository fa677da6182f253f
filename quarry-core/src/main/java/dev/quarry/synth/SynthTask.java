package dev.quarry.synth;

import dev.quarry.eval.client.ChatRequest;
import dev.quarry.model.Example;
import java.util.Objects;

/**
 * One generation request of a plan: sample {@code sample} of instruction {@code instruction}, made from one seed
 * with one strategy, to fill {@code category}.
 *
 * @param instruction the instruction's number in the plan, 0-based; the samples of one instruction share it
 * @param sample the sample number, 1-based
 * @param strategy the strategy
 * @param templateId the template's id and content hash, e.g. {@code self-align#3f2a…}
 * @param category the category the example fills
 * @param seed the mined seed example
 * @param request the chat request
 * @param estimatedTokens the prompt's estimated tokens plus the answer limit: an upper bound on the cost
 * @param focus the API surface the instruction is built around, {@code kind name} (e.g. {@code hook useChat}); ""
 *     for none
 */
public record SynthTask(int instruction, int sample, Strategy strategy, String templateId, String category,
    Example seed, ChatRequest request, long estimatedTokens, String focus) {
  /** Null-checks. */
  public SynthTask {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(focus, "focus");
  }
}
