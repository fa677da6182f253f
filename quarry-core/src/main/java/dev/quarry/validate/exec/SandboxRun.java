package dev.quarry.validate.exec;

/**
 * What one sandboxed command did.
 *
 * @param exit the command's exit code; 128 + N when a signal N ended it; -1 when it was killed at the wall limit
 * @param timedOut whether the wall-clock or CPU limit stopped it
 * @param millis wall-clock duration
 * @param output its standard output and error, interleaved, at most the last {@link Sandbox#OUTPUT_BYTES} bytes
 */
public record SandboxRun(int exit, boolean timedOut, long millis, String output) {
  /** Whether the command exited with 0 within its limits. */
  public boolean ok() {
    return exit == 0 && !timedOut;
  }
}
