package dev.quarry.validate.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of secret: keywords that must occur before the (costlier) pattern is tried, the pattern, the group
 * that is the secret, and how much of it may be shown.
 *
 * @param id stable id, used in messages and placeholders ({@code <REDACTED:aws-access-key>})
 * @param keywords lower-case substrings, at least one of which must occur in the lower-cased text
 * @param pattern the pattern
 * @param group the group holding the secret value (0 = the whole match)
 * @param shownPrefix how many leading characters are a public prefix that may be shown ({@code AKIA}), 0 for none
 * @param minEntropy minimum Shannon entropy in bits per character, 0 for none
 * @param weak whether common default values (passwords like {@code postgres}) are ignored
 */
record SecretDetector(String id, List<String> keywords, Pattern pattern, int group, int shownPrefix,
    double minEntropy, boolean weak) {

  static SecretDetector of(String id, String keywords, String regex, int group, int shownPrefix) {
    return new SecretDetector(id, List.of(keywords.split(",")), Pattern.compile(regex), group, shownPrefix, 0, false);
  }

  SecretDetector entropy(double bits) {
    return new SecretDetector(id, keywords, pattern, group, shownPrefix, bits, weak);
  }

  SecretDetector ignoringDefaults() {
    return new SecretDetector(id, keywords, pattern, group, shownPrefix, minEntropy, true);
  }
}
