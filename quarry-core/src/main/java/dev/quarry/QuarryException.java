package dev.quarry;

/**
 * Base of every error Quarry reports to a user. Each subtype maps to one process exit code
 * (SPEC §2) and its message follows {@code <file>:<line>: <what is wrong> (<what to do>)}, without the
 * {@code quarry: } prefix, which the CLI adds.
 */
public abstract class QuarryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected QuarryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code this error maps to: 2 usage/config, 3 input, 4 internal. */
  public abstract int exitCode();

  /**
   * Formats the standard one-line message.
   *
   * @param file the file at fault, or {@code null} when none applies
   * @param line 1-based line, or 0 when unknown
   * @param what what is wrong, quoting the bad value
   * @param fix what the user should do
   */
  protected static String format(String file, long line, String what, String fix) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    sb.append(what);
    if (fix != null && !fix.isEmpty()) {
      sb.append(" (").append(fix).append(')');
    }
    return sb.toString();
  }
}
