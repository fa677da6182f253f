package dev.quarry;

/** A configuration file that is wrong: unknown key, bad value, bad YAML (exit code 2). */
public final class ConfigException extends QuarryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the configuration file, as the user named it
   * @param line 1-based line of the offending key or value, 0 when unknown
   * @param what what is wrong, quoting the bad key or value
   * @param fix the fix, e.g. the nearest valid key
   */
  public ConfigException(String file, long line, String what, String fix) {
    super(format(file, line, what, fix), null);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
