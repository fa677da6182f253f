package dev.quarry.validate.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of secret, a row of {@link SecretDetectors}: keywords that must occur before the (costlier) pattern
 * is tried, the pattern, the group that is the secret, how much of it may be shown, and how sure a match is.
 *
 * @param id stable id, used in messages and placeholders ({@code <REDACTED:aws-access-key>})
 * @param confidence how sure a match is; decides whether an obvious test value in a test file is only a warning
 * @param refs the gitleaks rule ids and trufflehog detector names this row re-expresses, for the comparison
 * @param keywords lower-case substrings, at least one of which must occur in the lower-cased text
 * @param pattern the pattern
 * @param group the group holding the secret value (0 = the whole match); when it did not take part, the next one
 * @param shownPrefix how many leading characters are a public prefix that may be shown ({@code AKIA}), 0 for none
 * @param minEntropy minimum Shannon entropy in bits per character, 0 for none
 * @param weak whether the value is judged as a free-form password (defaults, placeholders, identifiers and code
 *     are not secrets); a detector of a fixed key format is not weak
 */
record SecretDetector(String id, Confidence confidence, List<String> refs, List<String> keywords, Pattern pattern,
    int group, int shownPrefix, double minEntropy, boolean weak) {

  /** How sure a match is. */
  enum Confidence {
    /** A fixed key format (prefix, length, alphabet): an error wherever it is, tests included. */
    FORMAT,
    /** A value next to a secret-looking name or in a credential slot: an obvious test value in a test is a warning. */
    CONTEXT
  }

  SecretDetector {
    refs = List.copyOf(refs);
    keywords = List.copyOf(keywords);
  }

  /** A fixed-format detector; {@code keywords} and {@code refs} are comma-separated. */
  static SecretDetector format(String id, String refs, String keywords, String regex, int group, int shownPrefix) {
    return new SecretDetector(id, Confidence.FORMAT, split(refs), split(keywords), Pattern.compile(regex), group,
        shownPrefix, 0, false);
  }

  /** A context detector (a value judged as a password); {@code keywords} and {@code refs} are comma-separated. */
  static SecretDetector context(String id, String refs, String keywords, String regex, int group) {
    return new SecretDetector(id, Confidence.CONTEXT, split(refs), split(keywords), Pattern.compile(regex), group, 0,
        0, true);
  }

  SecretDetector entropy(double bits) {
    return new SecretDetector(id, confidence, refs, keywords, pattern, group, shownPrefix, bits, weak);
  }

  private static List<String> split(String csv) {
    return csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }
}
