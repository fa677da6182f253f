package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Records;
import dev.quarry.validate.Repair;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsRuleTest {
  private final RuleHarness h = new RuleHarness(new SecretsRule());

  /** Fake secrets, assembled at run time so that this source file holds none. */
  static final class Fake {
    static final String AWS = "AKIA" + "QRYDEMO7EXAMPLE2";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzQ8Tk3vLr2";
    static final String GITHUB = "ghp_" + "1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ";
    static final String GITLAB = "glpat-" + "Xy3kP9qLm2Nv8Rt5Wz1a";
    static final String SLACK = "xoxb-" + "2048571930-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    static final String OPENAI = "sk-proj-" + "T3BlbkFJq8Zr5Lm2Nx7Vc4Bw9Ks1Hd6Gp3Jf0Qa";
    static final String GCP = "AIza" + "SyD3k9Lm2Nv8Rt5Wz1aXy3kP9qLm2Nv8Rt5";
    static final String TWILIO = "SK" + "0123456789abcdef0123456789abcdef".replace('0', '7');
    static final String SENDGRID = "SG." + "AbCdEfGhIjKlMnOpQrStUv" + "." + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG";
    static final String NPM = "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiJhY21lLXVzZXItNDIifQ.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String DB_PASSWORD = "S3cret" + "Passw0rd";
    static final String DB_URL = "postgresql://acme:" + DB_PASSWORD + "@db.internal:5432/acme";
    static final String GENERIC = "Zk8#qL2v" + "Rm9xT4bW";
    static final String PEM = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEA7yn3bRHQ5FHMQ1Qk3X9pL2m8vT0q"
        + "Z4kR7sB1nD6fG9hJ2kL5\n-----END RSA " + "PRIVATE KEY-----";

    static List<String> all() {
      return List.of(AWS, AWS_SECRET, GITHUB, GITLAB, SLACK, STRIPE, OPENAI, GCP, TWILIO, SENDGRID, NPM, JWT,
          DB_PASSWORD, GENERIC, PEM);
    }
  }

  static Stream<Arguments> positives() {
    return Stream.of(
        Arguments.of("aws-access-key", "key_id = \"" + Fake.AWS + "\""),
        Arguments.of("aws-secret-key", "aws_secret_access_key = " + Fake.AWS_SECRET),
        Arguments.of("github-token", "export GITHUB_TOKEN=" + Fake.GITHUB),
        Arguments.of("github-token", "GITHUB_TOKEN = \"ghp_" + "QuarryDemo0Fake0Token0Not0Real0000ab\""),
        Arguments.of("gitlab-token", "token: " + Fake.GITLAB),
        Arguments.of("slack-token", "client = WebClient(\"" + Fake.SLACK + "\")"),
        Arguments.of("stripe-key", "stripe.api_key = '" + Fake.STRIPE + "'"),
        Arguments.of("openai-style-key", "KEY=" + Fake.OPENAI),
        Arguments.of("gcp-api-key", "const k = \"" + Fake.GCP + "\";"),
        Arguments.of("twilio-key", "twilio " + Fake.TWILIO),
        Arguments.of("sendgrid-key", "sg = " + Fake.SENDGRID),
        Arguments.of("npm-token", "//registry.npmjs.org/:_authToken=" + Fake.NPM),
        Arguments.of("jwt", "Authorization: Bearer " + Fake.JWT),
        Arguments.of("connection-string", "DATABASE_URL = \"" + Fake.DB_URL + "\""),
        Arguments.of("generic-secret", "client_secret = \"" + Fake.GENERIC + "\""),
        Arguments.of("private-key", Fake.PEM));
  }

  @ParameterizedTest
  @MethodSource("positives")
  void flagsEachKindWithItsIdAndLine(String kind, String text) {
    List<Finding> f = h.answer("Config:\n```\n" + text + "\n```");
    assertThat(f).as(text).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("secrets");
    assertThat(f.get(0).message()).startsWith(kind + " ");
    assertThat(f.get(0).location()).isEqualTo("assistant:3");
  }

  @Test
  void anEnvAssignmentInsideAProseLineIsCaught() {
    String value = Long.toString(System.nanoTime(), 36) + "Qx";
    assertThat(h.answer("You are an engineer. DB_PASSWORD=" + value + " is set.")).extracting(Finding::rule)
        .containsExactly("secrets");
    assertThat(h.answer("Read DB_PASSWORD from the environment.")).isEmpty();
  }

  @Test
  void neverQuotesTheSecretOnlyAFingerprint() {
    for (String s : Fake.all()) {
      List<Finding> f = h.answer("value: \"" + s + "\" and token=\"" + s + "\"");
      assertThat(f).as(s).isNotEmpty();
      f.forEach(x -> assertThat(x.message()).as(s).doesNotContain(s).contains("[sha256:"));
    }
    assertThat(h.answer("k = \"" + Fake.AWS + "\"").get(0).message()).contains("AKIA…[sha256:");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "api_key = \"xxxxxxxxxxxxxxxxxxxx\"", "API_KEY=<your-api-key>", "token = \"${GITHUB_TOKEN}\"",
      "password = os.environ[\"DB_PASSWORD\"]", "const apiKey = process.env.ACME_API_KEY;",
      "key = \"AKIAIOSFODNN7EXAMPLE\"", "postgresql://postgres:postgres@localhost:5432/app",
      "postgresql://user:${DB_PASSWORD}@db/app", "postgresql://localhost/acme", "password: str = Field(min_length=8)",
      "token_type: \"bearer\"", "sk-your-key-here", "SECRET_PREFIX = \"sk_acme_\"", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", "secret = secrets.token_urlsafe(32)",
      "The task asked for a desk.", "headers = {\"X-API-Key\": api_key}", "password = \"changeme123\"",
      "{ progressToken: 'token-123' }", "session_token = \"test_session_42\""})
  void leavesPlaceholdersAndCodeAlone(String text) {
    assertThat(h.answer(text)).as(text).isEmpty();
  }

  @Test
  void allowListTakesValuesAndFingerprints() {
    RuleHarness byValue = new RuleHarness(new SecretsRule(), "validate:\n  secrets:\n    allow: [\"" + Fake.AWS + "\"]\n");
    assertThat(byValue.answer("k = " + Fake.AWS)).isEmpty();
    String fp = h.answer("k = " + Fake.AWS).get(0).message().replaceAll(".*\\[(sha256:[0-9a-f]{8})\\].*", "$1");
    RuleHarness byHash = new RuleHarness(new SecretsRule(), "validate:\n  secrets:\n    allow: [\"" + fp + "\"]\n");
    assertThat(byHash.answer("k = " + Fake.AWS)).isEmpty();
  }

  @Test
  void repairReplacesSecretsWithPlaceholders() {
    Example e = Records.answer("url = \"" + Fake.DB_URL + "\"\nkey = \"" + Fake.AWS + "\"");
    Repair r = new SecretsRule().repair(e, h.ctx()).orElseThrow();
    assertThat(r.messages().get(2).content()).isEqualTo(
        "url = \"postgresql://acme:<REDACTED:connection-string>@db.internal:5432/acme\"\n"
            + "key = \"<REDACTED:aws-access-key>\"");
    assertThat(r.fixes()).extracting(x -> x.location()).containsExactly("assistant:1", "assistant:2");
    assertThat(new RuleHarness(new SecretsRule()).check(Records.answer(r.messages().get(2).content()))).isEmpty();
  }
}
