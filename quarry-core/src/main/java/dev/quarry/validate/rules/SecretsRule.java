package dev.quarry.validate.rules;

import dev.quarry.io.Hashing;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Fix;
import dev.quarry.validate.FixableRule;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Redactor;
import dev.quarry.validate.Repair;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Secrets in any message: cloud keys, code-host and SaaS tokens, private keys, JWTs, passwords in connection
 * strings and high-entropy values assigned to secret-looking names ({@link SecretDetectors}). Placeholders
 * ({@code xxxx}, {@code <your-key>}, {@code ${VAR}}), documented example keys and default development
 * passwords are not flagged; {@code validate.secrets.allow} takes values or the {@code sha256:} fingerprints
 * shown in findings.
 *
 * <p>A secret is never written in clear: findings quote a fingerprint — the public prefix of the token kind, if
 * any, and the first 8 hex digits of its SHA-256 ({@code AKIA…[sha256:1a2b3c4d]}). As a {@link Redactor} this
 * rule also scrubs rejected records; {@code --fix} replaces each secret with {@code <REDACTED:kind>}.
 */
public final class SecretsRule implements FixableRule, Redactor {
  /**
   * One secret found.
   *
   * @param kind detector id
   * @param start offset in the text
   * @param end end offset (exclusive)
   * @param fingerprint what may be shown
   */
  record Hit(String kind, int start, int end, String fingerprint) {}

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
    return "no credentials: cloud keys, tokens, private keys, JWTs, passwords in URLs, high-entropy secret values";
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode r : e.meta().path(ExtractionRedactor.META)) {
      out.add(Finding.error(id(), r.path("kind").asText() + " " + r.path("fingerprint").asText()
          + " was in the source and is redacted here (revoke it and remove it from the source; an example mined "
          + "from code holding a credential is not trained on)", r.path("location").asText("record")));
    }
    List<String> allow = allow(ctx);
    for (int i = 0; i < e.messages().size(); i++) {
      String text = e.messages().get(i).content();
      for (Hit h : find(text, allow)) {
        out.add(Finding.error(id(), h.kind() + " " + h.fingerprint() + " (revoke it and remove it from the example; "
            + "--fix replaces it with <REDACTED:" + h.kind() + ">)", Locations.of(e, i, Locations.lineAt(text, h.start()))));
      }
    }
    return out.stream();
  }

  @Override
  public Optional<Repair> repair(Example e, RuleContext ctx) {
    List<String> allow = allow(ctx);
    List<Message> messages = new ArrayList<>();
    List<Fix> fixes = new ArrayList<>();
    for (int i = 0; i < e.messages().size(); i++) {
      Message m = e.messages().get(i);
      List<Hit> hits = find(m.content(), allow);
      for (Hit h : hits) {
        fixes.add(new Fix(id(), Locations.of(e, i, Locations.lineAt(m.content(), h.start())),
            "replaced " + h.kind() + " " + h.fingerprint() + " with <REDACTED:" + h.kind() + ">"));
      }
      messages.add(hits.isEmpty() ? m : m.withContent(replace(m.content(), hits)));
    }
    return fixes.isEmpty() ? Optional.empty() : Optional.of(new Repair(messages, fixes));
  }

  @Override
  public String redact(String text, RuleContext ctx) {
    List<Hit> hits = find(text, allow(ctx));
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
    List<Hit> hits = find(text, allow);
    if (hits.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text);
    for (int k = hits.size() - 1; k >= 0; k--) {
      Hit h = hits.get(k);
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
    return fingerprint(value, 0);
  }

  private static String replace(String text, List<Hit> hits) {
    StringBuilder sb = new StringBuilder(text);
    for (int k = hits.size() - 1; k >= 0; k--) {
      Hit h = hits.get(k);
      sb.replace(h.start(), h.end(), "<REDACTED:" + h.kind() + ">");
    }
    return sb.toString();
  }

  private static List<String> allow(RuleContext ctx) {
    return ctx.shared("secrets.allow", () -> ctx.strings("secrets", "allow"));
  }

  /** Every secret in {@code text}, in order, without overlaps. Thread-safe. */
  static List<Hit> find(String text, List<String> allow) {
    List<Hit> hits = new ArrayList<>();
    String lower = null;
    for (SecretDetector d : SecretDetectors.ALL) {
      if (lower == null) {
        lower = text.toLowerCase(Locale.ROOT);
      }
      if (!mentions(lower, d)) {
        continue;
      }
      Matcher m = d.pattern().matcher(text);
      while (m.find()) {
        int g = d.group();
        if (g > 0 && m.group(g) == null && m.groupCount() > g) {
          g = g + 1;
        }
        if (m.group(g) == null) {
          continue;
        }
        String value = m.group(g);
        if (rejected(value, d, allow)) {
          continue;
        }
        int start = m.start(g);
        int end = m.end(g);
        if (hits.stream().noneMatch(h -> h.start() < end && start < h.end())) {
          hits.add(new Hit(d.id(), start, end, fingerprint(value, d.shownPrefix())));
        }
      }
    }
    hits.sort(java.util.Comparator.comparingInt(Hit::start));
    return hits;
  }

  private static boolean mentions(String lower, SecretDetector d) {
    for (String k : d.keywords()) {
      if (lower.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rejected(String value, SecretDetector d, List<String> allow) {
    if (d.id().equals("private-key")) {
      String body = value.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return body.length() < 40 || SecretDetectors.notASecret(body, d) || allowed(value, allow);
    }
    return SecretDetectors.notASecret(value, d) || allowed(value, allow);
  }

  private static boolean allowed(String value, List<String> allow) {
    if (allow.isEmpty()) {
      return false;
    }
    String fp = "sha256:" + Hashing.sha256(value).substring(0, 8);
    return allow.contains(value) || allow.contains(fp);
  }

  /** {@code AKIA…[sha256:1a2b3c4d]}: the public prefix, if the kind has one, and a short hash. */
  static String fingerprint(String value, int shownPrefix) {
    String prefix = shownPrefix > 0 && value.length() > shownPrefix * 3 ? value.substring(0, shownPrefix) : "";
    return prefix + "…[sha256:" + Hashing.sha256(value).substring(0, 8) + "]";
  }
}
