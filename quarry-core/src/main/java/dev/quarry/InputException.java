package dev.quarry;

/** Input that cannot be read: missing, truncated, not UTF-8, binary, or a line over the limit (exit code 3). */
public final class InputException extends QuarryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the input file, as the user named it
   * @param line 1-based line, 0 when the whole file is at fault
   * @param what what is wrong
   * @param fix what to do
   */
  public InputException(String file, long line, String what, String fix) {
    super(format(file, line, what, fix), null);
  }

  /** As {@link #InputException(String, long, String, String)}, keeping the underlying cause. */
  public InputException(String file, long line, String what, String fix, Throwable cause) {
    super(format(file, line, what, fix), cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}
