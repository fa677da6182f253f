package dev.quarry.eval.score;

import java.util.Optional;

/**
 * Decides whether a code block parses. The plug-in point for the syntax rule of validation, so eval and
 * validate agree on what "parses" means.
 */
public interface SyntaxCheck {
  /** Whether blocks labelled {@code fenceLabel} (e.g. {@code py}, {@code tsx}) can be checked. */
  boolean supports(String fenceLabel);

  /**
   * Checks one block.
   *
   * @return empty when it parses, else what is wrong (with a 1-based line inside the block when known)
   */
  Optional<String> check(String fenceLabel, String code);
}
