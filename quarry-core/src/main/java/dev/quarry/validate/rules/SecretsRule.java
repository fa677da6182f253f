package dev.quarry.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Fix;
import dev.quarry.validate.FixableRule;
import dev.quarry.validate.RecordStrings;
import dev.quarry.validate.Redactor;
import dev.quarry.validate.Repair;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Secrets in any field of a record — messages, category, source fields, tags, {@code meta} and unknown fields,
 * keys included ({@link RecordStrings}): cloud keys, code-host and SaaS tokens, private keys (armoured or bare
 * base64), JWTs, passwords in URLs and {@code .env} files, bearer headers and high-entropy values assigned to
 * secret-looking names ({@link SecretDetectors}), also when the value is built by concatenating literals.
 * Placeholders ({@code xxxx}, {@code <your-key>}, {@code ${VAR}}), documented example keys and default
 * development passwords are not flagged; {@code validate.secrets.allow} takes values or the {@code sha256:}
 * fingerprints shown in findings. An obvious test credential ({@code 'password1'}) in a credential slot of a
 * record mined from a test file is a warning; key formats are errors wherever they are.
 *
 * <p>A secret is never written in clear: findings quote a fingerprint — the public prefix of the token kind, if
 * any, and the first 8 hex digits of its SHA-256 ({@code AKIA…[sha256:1a2b3c4d]}) — and a location whose label
 * is itself redacted (a secret used as a {@code meta} key). As a {@link Redactor} this rule also scrubs rejected
 * records; {@code --fix} replaces each secret, in any field, with {@code <REDACTED:kind>}.
 */
public final class SecretsRule implements FixableRule, Redactor {
  private static final Pattern TEST_PATH = Pattern.compile("(?i)(?:^|/)(?:tests?|__tests__|spec|specs|fixtures?"
      + "|testdata|test_data|testing)/|(?:^|/)(?:test_[^/]*|conftest\\.py)$|_test\\.(?:py|go|rb)$"
      + "|\\.(?:test|spec)\\.[cm]?[jt]sx?$|Tests?\\.(?:java|kt|cs|scala)$|_spec\\.rb$");

  @Override
  public String id() {
    return "secrets";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  /**
   * Never lowered: a secret kept as a warning would reach the accepted file, and the dataset, in clear text.
   * A false positive goes to {@code validate.secrets.allow} (the value or its {@code sha256:} fingerprint).
   */
  @Override
  public boolean severityConfigurable() {
    return false;
  }

  @Override
  public String description() {
    return "no credentials in any field: cloud keys, tokens, private keys, JWTs, passwords in URLs and .env, "
        + "bearer headers, high-entropy secret values";
  }

  /** Whether {@code path} is a test file or fixture, where an obvious test credential is only a warning. */
  static boolean testFile(String path) {
    return path != null && TEST_PATH.matcher(path).find();
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (JsonNode r : e.meta().path(ExtractionRedactor.META)) {
      out.add(Finding.error(id(), r.path("kind").asText() + " " + r.path("fingerprint").asText()
          + " was in the source and is redacted here (revoke it and remove it from the source; an example mined "
          + "from code holding a credential is not trained on)", r.path("location").asText("record")));
    }
    List<String> allow = allow(ctx);
    boolean test = testFile(e.source().path());
    for (RecordStrings.Field f : RecordStrings.of(e)) {
      for (SecretScanner.Hit h : SecretScanner.find(f.text(), allow)) {
        String where = mask(f.at(h.start()), allow);
        if (test && h.testLike()) {
          out.add(Finding.warning(id(), h.kind() + " " + h.fingerprint() + " looks like a test credential in a test "
              + "file and is kept (if it is a real one, revoke it and add nothing to validate.secrets.allow)", where));
        } else {
          out.add(Finding.error(id(), h.kind() + " " + h.fingerprint() + " (revoke it and remove it from the example; "
              + "--fix replaces it with <REDACTED:" + h.kind() + ">)", where));
        }
      }
    }
    return out.stream();
  }

  @Override
  public Optional<Repair> repair(Example e, RuleContext ctx) {
    List<String> allow = allow(ctx);
    boolean test = testFile(e.source().path());
    List<Fix> fixes = new ArrayList<>();
    Example fixed = RecordStrings.map(e, f -> {
      List<SecretScanner.Hit> hits = errors(SecretScanner.find(f.text(), allow), test);
      for (SecretScanner.Hit h : hits) {
        fixes.add(new Fix(id(), mask(f.at(h.start()), allow),
            "replaced " + h.kind() + " " + h.fingerprint() + " with <REDACTED:" + h.kind() + ">"));
      }
      return hits.isEmpty() ? f.text() : replace(f.text(), hits);
    });
    return fixes.isEmpty() ? Optional.empty() : Optional.of(Repair.of(fixed, fixes));
  }

  @Override
  public String redact(String text, RuleContext ctx) {
    List<SecretScanner.Hit> hits = SecretScanner.find(text, allow(ctx));
    return hits.isEmpty() ? text : replace(text, hits);
  }

  /**
   * {@code text} with every secret replaced by {@code <REDACTED:kind fingerprint>}
   * ({@code <REDACTED:openai-style-key sk-…[sha256:1a2b3c4d]>}): for reports of text Quarry did not write, such as
   * a model's answers, which must say where a secret was without showing it. Thread-safe.
   *
   * @param allow values or {@code sha256:} fingerprints that are not secrets ({@code validate.secrets.allow})
   */
  public static String redactShowingFingerprints(String text, List<String> allow) {
    List<SecretScanner.Hit> hits = SecretScanner.find(text, allow);
    if (hits.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text);
    for (int k = hits.size() - 1; k >= 0; k--) {
      SecretScanner.Hit h = hits.get(k);
      sb.replace(h.start(), h.end(), placeholder(h.kind(), h.fingerprint()));
    }
    return sb.toString();
  }

  /** The placeholder {@link #redactShowingFingerprints} writes for a secret of {@code kind}. */
  public static String placeholder(String kind, String fingerprint) {
    return "<REDACTED:" + kind + " " + fingerprint + ">";
  }

  /** The fingerprint of a value known to be secret, without a shown prefix: {@code …[sha256:1a2b3c4d]}. */
  public static String fingerprint(String value) {
    return SecretScanner.fingerprint(value, 0);
  }

  /** The hits that are errors: all but obvious test credentials of a test file. */
  static List<SecretScanner.Hit> errors(List<SecretScanner.Hit> hits, boolean testFile) {
    return testFile ? hits.stream().filter(h -> !h.testLike()).toList() : hits;
  }

  /** A location label with any secret in it (a key of {@code meta}) replaced by its placeholder. */
  static String mask(String location, List<String> allow) {
    List<SecretScanner.Hit> hits = SecretScanner.find(location, allow);
    return hits.isEmpty() ? location : replace(location, hits);
  }

  static String replace(String text, List<SecretScanner.Hit> hits) {
    StringBuilder sb = new StringBuilder(text);
    for (int k = hits.size() - 1; k >= 0; k--) {
      SecretScanner.Hit h = hits.get(k);
      sb.replace(h.start(), h.end(), "<REDACTED:" + h.kind() + ">");
    }
    return sb.toString();
  }

  private static List<String> allow(RuleContext ctx) {
    return ctx.shared("secrets.allow", () -> ctx.strings("secrets", "allow"));
  }
}
