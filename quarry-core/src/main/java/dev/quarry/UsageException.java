package dev.quarry;

/** A command line that cannot run as given (exit code 2). */
public final class UsageException extends QuarryException {
  private static final long serialVersionUID = 1L;

  /** @param what what is wrong, quoting the bad value; @param fix what to do instead */
  public UsageException(String what, String fix) {
    super(format(null, 0, what, fix), null);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
