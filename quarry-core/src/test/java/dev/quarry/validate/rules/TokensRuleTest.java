package dev.quarry.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ConfigException;
import dev.quarry.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensRuleTest {
  @Test
  void rejectsExamplesOverTheLimit() {
    RuleHarness h = new RuleHarness(new TokensRule(), "validate:\n  max_tokens: 100\n");
    List<Finding> f = h.answer("word ".repeat(200));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).rule()).isEqualTo("tokens");
    assertThat(f.get(0).location()).isEqualTo("record");
    assertThat(f.get(0).message()).contains("over the limit of 100");
  }

  @Test
  void countsTokensNotBytesNearTheLimit() {
    // 300 bytes of text but far fewer tokens: over the byte bound, under the token limit.
    RuleHarness h = new RuleHarness(new TokensRule(), "validate:\n  max_tokens: 150\n");
    assertThat(h.answer("a".repeat(300))).isEmpty();
  }

  @Test
  void specialTokenTextCountsAsPlainText() {
    RuleHarness h = new RuleHarness(new TokensRule(), "validate:\n  max_tokens: 60\n  tokenizer: o200k_base\n");
    assertThat(h.answer("<|endoftext|> ".repeat(10))).singleElement().extracting(Finding::message).asString()
        .contains("tokens of o200k_base");
  }

  @Test
  void unknownTokenizerIsAConfigError() {
    RuleHarness h = new RuleHarness(new TokensRule(), "validate:\n  max_tokens: 10\n  tokenizer: p50k_nope\n");
    assertThatThrownBy(() -> h.answer("x".repeat(100))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("validate.tokenizer \"p50k_nope\"");
  }
}
