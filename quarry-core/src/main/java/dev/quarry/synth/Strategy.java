package dev.quarry.synth;

import java.util.Arrays;
import java.util.Optional;

/**
 * A synthesis strategy: how a seed becomes a new instruction. Each has its own template file
 * {@code /dev/quarry/synth/<id>.txt}. Code strategies take seeds whose answer holds code; {@link #DOCS_QA} takes
 * seeds from the standards (Markdown sources).
 */
public enum Strategy {
  /** Concepts of a seed, a new task in the platform's domain, an answer in the house format. */
  SELF_ALIGN("self-align", true),
  /** The seed's task with one more constraint. */
  EVOLVE_CONSTRAINT("evolve-constraint", true),
  /** The seed's task with an error case to handle. */
  EVOLVE_ERROR_CASE("evolve-error-case", true),
  /** Buggy code made from the seed's, to fix. */
  EVOLVE_FIX_BUG("evolve-fix-bug", true),
  /** The seed's code refactored. */
  EVOLVE_REFACTOR("evolve-refactor", true),
  /** A realistic question a standards section answers. */
  DOCS_QA("docs-qa", false);

  private final String id;
  private final boolean code;

  Strategy(String id, boolean code) {
    this.id = id;
    this.code = code;
  }

  /** The stable id, as in quarry.yaml, meta.synth.strategy and the report. */
  public String id() {
    return id;
  }

  /**
   * Whether its instruction is built around an API surface with few mined examples ({@link ApiSeeds}): only a new
   * task can be; an evolved one stays the seed's task.
   */
  boolean focused() {
    return this == SELF_ALIGN;
  }

  /** Whether it needs a seed whose answer holds code (else a standards seed). */
  boolean needsCode() {
    return code;
  }

  /** The strategy of {@code id}. */
  public static Optional<Strategy> of(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
