package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.QuarryConfig;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Source;
import dev.quarry.validate.Finding;
import dev.quarry.validate.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionRedactorTest {
  private static final String KEY = "AKIAQRYDEMO7EXAMPLE2";

  private static Example mined(String answer) {
    return Example.of(List.of(Message.user("Show the settings class."), Message.assistant(answer)), "database",
        "python", new Source("functions", "acme", "backend/app/settings.py", null, "Settings", null));
  }

  @Test
  void redactsASecretFoundInSourceAndListsItsFingerprintInMeta() {
    Example e = mined("```python\nclass Settings:\n    key: str = \"" + KEY + "\"\n```");
    Example r = new ExtractionRedactor(QuarryConfig.defaults()).apply(e);
    assertThat(r.finalAnswer()).doesNotContain(KEY).contains("<REDACTED:aws-access-key>");
    assertThat(r.id()).isNotEqualTo(e.id());
    assertThat(r.meta().get(ExtractionRedactor.META).get(0).get("location").asText()).isEqualTo("assistant:3");
    assertThat(r.meta().toString()).doesNotContain(KEY).contains("sha256:");
  }

  @Test
  void secretsRuleRejectsARecordWhoseSourceHeldASecret() {
    Example r = new ExtractionRedactor(QuarryConfig.defaults()).apply(mined("key = \"" + KEY + "\""));
    List<Finding> findings = new SecretsRule().check(r, new RuleContext(QuarryConfig.defaults())).toList();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("secrets");
      assertThat(f.location()).isEqualTo("assistant:1");
      assertThat(f.message()).contains("was in the source").doesNotContain(KEY);
    });
  }

  @Test
  void leavesACleanExampleUntouched() {
    Example e = mined("def add(a: int, b: int) -> int:\n    return a + b");
    assertThat(new ExtractionRedactor(QuarryConfig.defaults()).apply(e)).isSameAs(e);
  }
}
