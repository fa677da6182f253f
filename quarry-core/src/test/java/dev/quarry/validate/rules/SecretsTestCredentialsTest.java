package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Severity;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Obvious test credentials in test files and fixtures are low-confidence warnings (the record is kept); real key
 * formats are errors wherever they are, and an obvious test value outside a test file is still an error.
 */
class SecretsTestCredentialsTest {
  private static final List<String> TEST_PATHS = List.of("tests/test_login.py", "tests/conftest.py", "conftest.py",
      "tests/fixtures/users.py", "src/__tests__/auth.test.ts", "src/main/java/AuthTest.java", "spec/login_spec.rb",
      "pkg/auth/auth_test.go", "testdata/settings.py");

  private final RuleHarness h = new RuleHarness(new SecretsRule());

  private List<Finding> at(String path, String code) {
    Example e = Example.of(List.of(Message.user("Show " + path), Message.assistant("```\n" + code + "\n```")),
        "testing", "python", new Source("tests", "acme", path, null, null, null));
    return h.check(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {"password = 'password1'", "login(user, password=\"secret\")",
      "DB_PASSWORD = \"changeme\"", "password = \"test_password\"", "client_secret = \"fake-client-secret-42\"",
      "create_user(email='a@example.com', password='p4ssw0rd!')", "postgresql://app:testpass123@localhost/app",
      "headers = {'Authorization': 'Bearer test-token-123456789'}"})
  void obviousTestCredentialInATestFileIsAWarningAndKept(String code) {
    for (String path : TEST_PATHS) {
      List<Finding> f = at(path, code);
      assertThat(f).as(path + ": " + code).allSatisfy(x -> {
        assertThat(x.rule()).isEqualTo("secrets");
        assertThat(x.severity()).isNotEqualTo(Severity.ERROR);
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"password = 'Password1!'", "DB_PASSWORD = \"Secret#2024\""})
  void obviousTestCredentialOutsideTestsIsStillAnError(String code) {
    List<Finding> f = at("app/settings.py", code);
    assertThat(f).extracting(Finding::severity).contains(Severity.ERROR);
    assertThat(f.get(0).location()).isEqualTo("assistant:2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"aws-access-key|AKIA|b32|16", "github-token|ghp_|alnum|36",
      "stripe-key|sk_live_|alnum|24", "slack-token|xoxb-|digits|24", "gcp-api-key|AIza|b64url|35",
      "openai-style-key|sk-proj-|b64url|48", "npm-token|npm_|alnum|36", "groq|gsk_|alnum|52"})
  void realKeyFormatInATestFileIsAnError(String kind, String prefix, String alphabet, int length) {
    String key = prefix + SecretsAttackCorpus.value(alphabet, length, new Random(SecretsAttackCorpus.seed()));
    for (String path : TEST_PATHS) {
      List<Finding> f = at(path, "API_KEY = \"" + key + "\"  # test fixture");
      assertThat(f).as(path + " " + kind).extracting(Finding::severity).contains(Severity.ERROR);
      assertThat(f.get(0).location()).isEqualTo("assistant:2");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"password = '%s'", "client_secret = \"%s\"", "postgresql://app:%s@db.internal/app"})
  void randomPasswordInATestFileIsAnError(String shape) {
    String pw = SecretsAttackCorpus.value("pw", 14, new Random(SecretsAttackCorpus.seed() + 1));
    for (String path : TEST_PATHS) {
      assertThat(at(path, shape.formatted(pw))).as(path + " " + shape).extracting(Finding::severity)
          .contains(Severity.ERROR);
    }
  }
}
