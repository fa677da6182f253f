package dev.quarry.train;

/**
 * The result of one pre-flight check, always with a reason.
 *
 * @param name what was checked: {@code config}, {@code data}, {@code tokens}, {@code python}, {@code trainer},
 *     {@code gpu}
 * @param status whether the run can go ahead
 * @param message what was found, quoting files and values
 * @param fix what to do, for a warning or failure; empty for a pass
 * @param exitCode the exit code a failure maps to (SPEC §2: 2 configuration or environment, 3 input); 0 otherwise
 */
public record Check(String name, Status status, String message, String fix, int exitCode) {
  /** Whether a check passed, warns or stops the run. */
  public enum Status {
    /** Fine. */
    OK,
    /** The run can go ahead but may not do what was meant. */
    WARN,
    /** The run would fail or train the wrong thing: it is not launched. */
    FAIL
  }

  /** A passed check. */
  public static Check ok(String name, String message) {
    return new Check(name, Status.OK, message, "", 0);
  }

  /** A warning: the run goes ahead. */
  public static Check warn(String name, String message, String fix) {
    return new Check(name, Status.WARN, message, fix, 0);
  }

  /** A failure caused by the input files (exit code 3). */
  public static Check badInput(String name, String message, String fix) {
    return new Check(name, Status.FAIL, message, fix, 3);
  }

  /** A failure caused by the configuration or the environment (exit code 2). */
  public static Check badSetup(String name, String message, String fix) {
    return new Check(name, Status.FAIL, message, fix, 2);
  }

  /** Whether the check stops the run. */
  public boolean failed() {
    return status == Status.FAIL;
  }
}
