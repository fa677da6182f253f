package dev.quarry.validate.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a value a {@link SecretDetector} matched: whether it is no secret at all (a placeholder, a documented
 * example, a development default, an identifier or a piece of code), and whether it is an obvious test
 * credential ({@code password1}, {@code test-password}, {@code changeme}) that a test file may hold.
 */
final class SecretValues {
  /** Lower-case words, optionally joined by - _ or ., ending in a number of at most 4 digits. */
  private static final Pattern FIXTURE_VALUE = Pattern.compile("[a-z]+(?:[-_.][a-z]+)*[-_.]?[0-9]{1,4}");

  /** Public example values that are documented placeholders, not secrets. */
  private static final Set<String> DOCUMENTED = Set.of("AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

  /** Default passwords of development setups: not secrets, whoever reads them. */
  private static final Set<String> DEFAULTS = Set.of("password", "passwd", "pass", "secret", "postgres", "root",
      "admin", "user", "test", "guest", "mysql", "redis", "example", "changeme", "default", "pwd", "password123",
      "secret123", "testing", "testpassword", "mypassword", "yourpassword");

  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(x{4,}|\\*{3,}|\\.{3}|…|<[^>]*>|\\$\\{[^}]*\\}|"
      + "\\{\\{[^}]*\\}\\}|%\\(\\w+\\)[sd]|(?-i:%[A-Z_]{2,}%)|^\\$[{(]|\\$[A-Z_][A-Z0-9_]*|\\{[a-z_]+\\}|your[_-]|placeholder|change[_-]?(?:me|this|that)|"
      + "redacted|dummy|replace[_-]?me|insert[_-]|example$|^example|0{8,}|1234567890?$)");

  /** A dotted path or a call: {@code settings.SECRET}, {@code os.urandom(32)}, {@code get_token()}. */
  private static final Pattern CODE = Pattern.compile(
      "[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+|[A-Za-z_$][\\w$.]*\\(.*|.*\\)[;,]?|[A-Za-z_]+\\[.*");

  /** A lower-case reference path ({@code prod/db/password}, {@code kv/app/db}). */
  private static final Pattern REF_PATH = Pattern.compile("[a-z][a-z0-9_.-]*+(?:/[a-z0-9_.-]++)++");

  /** An absolute URL path ({@code /token}, {@code /api/v1/{id}}): lower case, unlike base64 that starts with /. */
  private static final Pattern URL_PATH = Pattern.compile("/[a-z0-9_.{}:<>-]*+(?:/[a-z0-9_.{}:<>-]*+)*+");

  private static final Pattern LOWER_NAME = Pattern.compile("[a-z][a-z_.-]*+");

  /** Detectors of a slot whose whole value is the credential (a URL's password, a docker auth): any value but a default or placeholder counts. */
  private static final Set<String> URL_CREDENTIALS = Set.of("connection-string", "url-password", "curl-user",
      "netrc-password", "docker-auth");

  /** A value with a digit or a symbol: what tells a password in a config file from a type name or a word. */
  private static final Pattern DIGIT_OR_SYMBOL = Pattern.compile("[0-9!#$%&*+=?@^~]");

  /** Detectors whose value is free text to be judged like an assigned password. */
  private static final Set<String> ASSIGNED = Set.of("generic-secret", "query-api-key", "bearer-token");

  /** Words obvious test credentials are made of; a value made only of these (and digits, separators) is one. */
  private static final Set<String> TEST_WORDS = Set.of("test", "testing", "tests", "fake", "dummy", "mock", "sample",
      "example", "secret", "secrets", "password", "passwd", "pass", "passw", "pw", "pwd", "word", "change", "me",
      "changeme", "hunter", "letmein", "qwerty", "admin", "user", "foo", "bar", "baz", "abc", "xyz", "my", "new",
      "old", "wrong", "bad", "good", "valid", "invalid", "correct", "incorrect", "super", "strong", "weak", "some",
      "other", "another", "demo", "dev", "local", "default", "token", "key", "api", "access", "refresh", "hello",
      "world", "the", "a", "is", "not", "very", "top", "s", "p", "an", "open", "sesame", "fixture", "stub", "one",
      "two", "three", "login", "root", "guest", "client", "server", "db", "database", "private", "public", "temp",
      "tmp", "bogus", "it", "this", "that", "random", "string", "value", "hash", "hashed", "plain", "text");

  private SecretValues() {}

  /**
   * Whether {@code value} is a placeholder, a documented example or (for weak detectors) a default, an identifier
   * or code. A value that merely says it is fake ({@code ghp_…Fake…}) is still flagged: it has the shape of a
   * real token, and scanners downstream would flag it too.
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
    if (d.weak() && !URL_CREDENTIALS.contains(d.id())) {
      // Code (settings.SECRET, os.urandom(32)), numbers, and a value of only lower-case letters (bcrypt,
      // sk_acme_) are names, expressions or defaults, not generated secrets.
      // A path or a URL (TOKEN_PATH = "/token", "token_endpoint": "https://…/token") is an address, not a
      // secret; a password inside a URL is the connection-string detector's.
      if (URL_PATH.matcher(value).matches() || value.contains("://") || REF_PATH.matcher(value).matches()
          || FIXTURE_VALUE.matcher(value).matches() || CODE.matcher(value).matches() || value.chars().noneMatch(Character::isLetter)
          || LOWER_NAME.matcher(value).matches()) {
        return true;
      }
    }
    if (ASSIGNED.contains(d.id()) && assignedName(value)) {
      return true;
    }
    if (d.id().equals("config-password") && (!DIGIT_OR_SYMBOL.matcher(value).find()
        || value.chars().noneMatch(Character::isLetter) || value.matches(".*[;,{(]"))) {
      return true;
    }
    // A short value cannot reach a high entropy per character (7 characters: at most 2.8 bits), so the bar is
    // lowered with the length (70 % of the maximum) instead of letting every short password through.
    double bar = Math.min(d.minEntropy(), 0.7 * Math.log(value.length()) / Math.log(2));
    return d.minEntropy() > 0 && entropy(value) < bar;
  }

  private static boolean assignedName(String value) {
    boolean letters = value.chars().anyMatch(Character::isLetter);
    boolean other = value.chars().anyMatch(c -> !Character.isLetter(c));
    if (!letters || !other) {
      return true;
    }
    // Lower-case words with a short counter (token-123, test_456, session1) are test fixtures, not keys.
    if (FIXTURE_VALUE.matcher(value).matches()) {
      return true;
    }
    // Random values have digits, or are long and mixed-case; words joined by _ or - (acme_test_key) are names.
    boolean digits = value.chars().anyMatch(Character::isDigit);
    boolean mixed = value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase);
    return !digits && !(value.length() >= 20 && mixed && entropy(value) >= 4.0);
  }

  /**
   * Whether {@code value} is an obvious test credential: after dropping digits and punctuation and undoing
   * leetspeak ({@code p4ssw0rd}), it is made only of words from a small list (test, password, secret, changeme…).
   */
  static boolean obviousTestValue(String value) {
    if (value.length() > 40) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      char folded = switch (c) {
        case '0', '1', '3', '4', '5', '@', '$' -> leet(lower, i);
        default -> c;
      };
      letters.append(folded >= 'a' && folded <= 'z' ? folded : ' ');
    }
    boolean any = false;
    for (String run : letters.toString().trim().split(" +")) {
      if (run.isEmpty()) {
        continue;
      }
      if (!segments(run)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The letter a leetspeak character stands for when it sits between letters ({@code p4ssw0rd}), else none. */
  private static char leet(String s, int i) {
    boolean inside = i > 0 && i < s.length() - 1 && Character.isLetter(s.charAt(i - 1))
        && Character.isLetter(s.charAt(i + 1));
    if (!inside) {
      return ' ';
    }
    return switch (s.charAt(i)) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      default -> 's';
    };
  }

  /** Whether {@code run} splits into {@link #TEST_WORDS}. */
  private static boolean segments(String run) {
    boolean[] ok = new boolean[run.length() + 1];
    ok[0] = true;
    for (int end = 1; end <= run.length(); end++) {
      for (int start = Math.max(0, end - 10); start < end && !ok[end]; start++) {
        ok[end] = ok[start] && TEST_WORDS.contains(run.substring(start, end));
      }
    }
    return ok[run.length()];
  }

  /** Shannon entropy of {@code s} in bits per character. */
  static double entropy(String s) {
    Map<Character, Integer> counts = new HashMap<>();
    for (int i = 0; i < s.length(); i++) {
      counts.merge(s.charAt(i), 1, Integer::sum);
    }
    double h = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }
}
