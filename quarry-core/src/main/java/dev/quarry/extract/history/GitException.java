package dev.quarry.extract.history;

/**
 * A git command could not run or failed. Not a user error of Quarry's: the history extractor turns it into a
 * coverage skip that says what could not be read and what to do.
 */
final class GitException extends Exception {
  private static final long serialVersionUID = 1L;

  GitException(String message) {
    super(message);
  }

  /** The git binary is not installed or not on PATH. */
  static GitException missing(java.io.IOException cause) {
    return new GitException("git is not on PATH (" + cause.getMessage()
        + "); install git or set extractors.history.enabled: false");
  }
}
