package dev.quarry.validate;

/**
 * What one rule found in a run.
 *
 * @param id rule id ({@code json} for lines that are not JSON, found by the reader)
 * @param severity the configured severity, or {@code off}
 * @param description what the rule checks
 * @param errors findings of severity error
 * @param warnings findings of severity warning
 * @param infos findings of severity info
 * @param checked records the rule applied to
 * @param flagged records among {@code checked} with at least one finding of this rule
 */
public record RuleStats(String id, String severity, String description, long errors, long warnings, long infos,
    long checked, long flagged) {

  /** Records checked without any finding, as a share of those checked; -1 when none was checked. */
  public double passRate() {
    return checked == 0 ? -1 : (double) (checked - flagged) / checked;
  }
}
