package dev.quarry.validate.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in secret detectors, modelled on gitleaks' rule classes: cloud keys, code-host and SaaS tokens,
 * private key blocks, JWTs, connection strings with passwords, and generic high-entropy assignments next to a
 * keyword. Specific detectors come first; an overlapping later match is dropped.
 */
final class SecretDetectors {
  static final List<SecretDetector> ALL = List.of(
      SecretDetector.of("private-key", "private key",
          "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----[\\s\\S]*?"
              + "(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|\\z)", 0, 0),
      SecretDetector.of("aws-access-key", "akia,asia,abia,acca,a3t",
          "\\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\\b", 1, 4),
      SecretDetector.of("aws-secret-key", "aws",
          "(?i)aws[\\w.-]{0,20}?(?:secret|sk)[\\w.-]{0,20}?[\"']?\\s*[:=]{1,2}>?\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
          1, 0).entropy(3.5),
      SecretDetector.of("gcp-api-key", "aiza", "\\b(AIza[0-9A-Za-z_\\-]{35})(?![0-9A-Za-z_\\-])", 1, 4),
      SecretDetector.of("azure-storage-key", "accountkey", "(?i)AccountKey=([A-Za-z0-9+/]{86}==)", 1, 0),
      SecretDetector.of("github-token", "ghp_,gho_,ghu_,ghs_,ghr_,github_pat_",
          "\\b((?:gh[pousr]_[A-Za-z0-9]{36,255})|(?:github_pat_[A-Za-z0-9_]{82}))\\b", 1, 4),
      SecretDetector.of("gitlab-token", "glpat-,glrt-,gldt-,glptt-",
          "\\b((?:glpat|glrt|gldt|glptt)-[A-Za-z0-9_\\-]{20,})(?![A-Za-z0-9_\\-])", 1, 6),
      SecretDetector.of("slack-token", "xox", "\\b(xox[baprse]-[0-9A-Za-z-]{10,})(?![0-9A-Za-z-])", 1, 5),
      SecretDetector.of("slack-webhook", "hooks.slack.com",
          "(https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9+/]{20,})", 1, 0),
      SecretDetector.of("stripe-key", "sk_live,sk_test,rk_live,rk_test",
          "\\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,})\\b", 1, 8),
      SecretDetector.of("openai-style-key", "sk-",
          "(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-|ant-(?:api\\d\\d-)?)?[A-Za-z0-9_\\-]{20,})(?![A-Za-z0-9_\\-])",
          1, 3).entropy(3.5),
      SecretDetector.of("twilio-key", "sk", "\\b(SK[0-9a-fA-F]{32})\\b", 1, 2),
      SecretDetector.of("sendgrid-key", "sg.",
          "\\b(SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})(?![A-Za-z0-9_\\-])", 1, 3),
      SecretDetector.of("npm-token", "npm_", "\\b(npm_[A-Za-z0-9]{36})\\b", 1, 4),
      SecretDetector.of("jwt", "eyj",
          "\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{10,})(?![A-Za-z0-9_\\-])", 1, 3),
      SecretDetector.of("connection-string", "://",
          "(?i)\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|"
              + "clickhouse|cockroachdb|ftp|sftp|smtp|ldap)(?:\\+\\w+)?://[^:\\s/@'\"]{1,64}:([^@\\s/'\"]{1,128})@[^\\s'\"]{1,256}",
          1, 0).ignoringDefaults(),
      SecretDetector.of("generic-secret",
          "key,secret,token,passw,pwd,credential",
          "(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}(?:api[_.-]?key|apikey|secret|token|passwd|password|pwd|auth[_.-]?key|"
              + "access[_.-]?key|private[_.-]?key|credential)[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,8}(?::=|=>|=|:)\\s{0,8}"
              + "(?:[\"'`]([^\"'`\\s]{8,200})[\"'`]|([A-Za-z0-9_\\-+/=~]{16,200})(?=\\s|$|[,;)]))",
          1, 0).entropy(3.0).ignoringDefaults());

  /** Lower-case words, optionally joined by - _ or ., ending in a number of at most 4 digits. */
  private static final java.util.regex.Pattern FIXTURE_VALUE =
      java.util.regex.Pattern.compile("[a-z]+(?:[-_.][a-z]+)*[-_.]?[0-9]{1,4}");

  /** Public example values that are documented placeholders, not secrets. */
  static final Set<String> DOCUMENTED = Set.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

  /** Default passwords of development setups: not secrets, whoever reads them. */
  static final Set<String> DEFAULTS = Set.of("password", "passwd", "pass", "secret", "postgres", "root", "admin",
      "user", "test", "guest", "mysql", "redis", "example", "changeme", "default", "pwd", "password123", "secret123",
      "testing", "testpassword", "mypassword", "yourpassword");

  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(x{4,}|\\*{3,}|\\.{3}|…|<[^>]*>|\\$\\{[^}]*\\}|"
      + "\\{\\{[^}]*\\}\\}|\\$[A-Z_][A-Z0-9_]*|your[_-]|placeholder|change[_-]?me|redacted|dummy|"
      + "replace[_-]?me|insert[_-]|example$|^example|0{8,})");

  private SecretDetectors() {}

  /**
   * Whether {@code value} is a placeholder, a documented example or (for weak detectors) a default. A value that
   * merely says it is fake ({@code ghp_…Fake…}) is still flagged: it has the shape of a real token, and scanners
   * downstream would flag it too.
   */
  static boolean notASecret(String value, SecretDetector d) {
    if (DOCUMENTED.contains(value) || PLACEHOLDER.matcher(value).find()) {
      return true;
    }
    if (value.chars().distinct().count() <= 2) {
      return true;
    }
    if (d.weak() && DEFAULTS.contains(value.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (d.id().equals("generic-secret")) {
      boolean letters = value.chars().anyMatch(Character::isLetter);
      boolean other = value.chars().anyMatch(c -> !Character.isLetter(c));
      // An identifier or dotted path (process.env.API_KEY, settings.SECRET) is code, not a value.
      if (!letters || !other || value.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+")) {
        return true;
      }
      // Lower-case words with a short counter (token-123, test_456, session1) are test fixtures, not keys.
      if (FIXTURE_VALUE.matcher(value).matches()) {
        return true;
      }
      // Random values have digits, or are long and mixed-case; words joined by _ or - (acme_test_key) are names.
      boolean digits = value.chars().anyMatch(Character::isDigit);
      boolean mixed = value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase);
      if (!digits && !(value.length() >= 20 && mixed && entropy(value) >= 4.0)) {
        return true;
      }
    }
    return d.minEntropy() > 0 && entropy(value) < d.minEntropy();
  }

  /** Shannon entropy of {@code s} in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    java.util.Map<Character, Integer> other = new java.util.HashMap<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int n : counts) {
      if (n > 0) {
        double p = (double) n / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    for (int n : other.values()) {
      double p = (double) n / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }
}
