package dev.quarry.eval.client;

import java.util.Objects;

/** What asking one question came to: an answer, or a failure with its reason. */
public sealed interface ChatOutcome permits ChatOutcome.Answered, ChatOutcome.Failed {
  /** HTTP requests made for this outcome (0 when it came from the cache). */
  int attempts();

  /**
   * An answer.
   *
   * @param content the answer's text (may be empty)
   * @param finishReason the server's {@code finish_reason}, or "" when absent
   * @param attempts HTTP requests made
   * @param cached whether it came from the response cache
   */
  record Answered(String content, String finishReason, int attempts, boolean cached) implements ChatOutcome {
    /** Null-checks. */
    public Answered {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(finishReason, "finishReason");
    }
  }

  /**
   * No answer.
   *
   * @param reason what went wrong, one line, e.g. {@code HTTP 503 after 3 attempts}
   * @param attempts HTTP requests made
   */
  record Failed(String reason, int attempts) implements ChatOutcome {
    /** Null-checks. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
