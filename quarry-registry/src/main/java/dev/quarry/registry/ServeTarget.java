package dev.quarry.registry;

import dev.quarry.UsageException;
import java.util.Locale;

/** A serving backend {@code serve-config} writes a snippet for. */
public enum ServeTarget {
  /** vLLM's OpenAI-compatible server with LoRA modules. */
  VLLM,
  /** A LiteLLM proxy {@code model_list} pointing at a vLLM server. */
  LITELLM;

  /** The lower-case name used on the command line. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a target name.
   *
   * @throws UsageException naming the valid targets
   */
  public static ServeTarget parse(String s) {
    for (ServeTarget t : values()) {
      if (t.wire().equalsIgnoreCase(s.strip())) {
        return t;
      }
    }
    throw new UsageException("unknown serving backend \"" + s + "\"", "use vllm or litellm");
  }
}
