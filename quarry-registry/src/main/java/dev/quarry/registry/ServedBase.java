package dev.quarry.registry;

import java.util.List;

/**
 * One vLLM server in a serving plan: a base model with the adapters it loads, on its own port.
 *
 * @param baseModel the base model the server loads ({@code vllm serve BASE})
 * @param port the port the server listens on; distinct for every base of one plan
 * @param apiBase the OpenAI-compatible URL LiteLLM forwards to for this base's adapters
 * @param maxLoraRank the {@code --max-lora-rank} every adapter of this base fits in, or 0 when no rank is known
 * @param adapters the adapters of this base, in the order given to the plan
 */
public record ServedBase(String baseModel, int port, String apiBase, int maxLoraRank, List<Adapter> adapters) {
  /** Copies the list. */
  public ServedBase {
    adapters = List.copyOf(adapters);
  }
}
