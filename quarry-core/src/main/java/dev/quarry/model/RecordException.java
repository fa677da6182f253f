package dev.quarry.model;

/**
 * A record that breaks a SPEC §1 rule. Not a user-facing error by itself: readers turn it into a
 * {@link Rejection} of rule {@code schema}, so a bad record is kept in the rejects file, never lost.
 */
public final class RecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String fix;

  /** @param what the broken rule, quoting the bad value; @param fix how to repair the record */
  public RecordException(String what, String fix) {
    super(what);
    this.fix = fix;
  }

  /** How to repair the record. */
  public String fix() {
    return fix;
  }
}
