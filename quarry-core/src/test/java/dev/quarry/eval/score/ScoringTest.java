package dev.quarry.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.eval.symbols.SymbolIndex;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private final Scoring scoring = Scoring.defaults(SymbolIndex.empty());

  @Test
  void overallIsTheMeanOfApplicableScores() {
    String ref = "```python\nprint('hi')\n```";
    AnswerScores s = scoring.score("```python\nprint('hi')\n```", ref);
    assertThat(s.get("syntax").orElseThrow().value()).isEqualTo(1.0);
    assertThat(s.get("clean").orElseThrow().value()).isEqualTo(1.0);
    assertThat(s.get("grounding").orElseThrow().applicable()).isFalse();
    assertThat(s.get("chrf").orElseThrow().value()).isEqualTo(1.0);
    assertThat(s.overall()).isEqualTo(1.0);
  }

  @Test
  void aBlockThatDoesNotParseLowersTheSyntaxScoreWithItsLine() {
    AnswerScores s = scoring.score("ok\n```python\ndef f(:\n```\n```python\nx = 1\n```", "");
    Score syntax = s.get("syntax").orElseThrow();
    assertThat(syntax.value()).isEqualTo(0.5);
    assertThat(syntax.findings()).containsExactly("block at line 2: python syntax error at line 1");
  }

  @Test
  void aSecretInTheAnswerZeroesTheOverallScoreWithoutQuotingIt() {
    String key = "AKIA" + "ABCDEFGHIJKLMNOP";
    AnswerScores s = scoring.score("```python\nprint('hi')\n```\naws_key = '" + key + "'", "```python\nprint('hi')\n```");
    Score clean = s.get("clean").orElseThrow();
    assertThat(clean.value()).isZero();
    assertThat(clean.findings()).hasSize(1);
    assertThat(clean.findings().get(0)).startsWith("secrets: aws-access-key AKIA…").endsWith(" at assistant:4");
    assertThat(clean.findings().toString()).doesNotContain(key);
    assertThat(s.overall()).isZero();
  }

  @Test
  void attributionMarkersAreFoundByTheValidationRule() {
    Score clean = scoring.score("done\n\nThis code is AI-generated.", "").get("clean").orElseThrow();
    assertThat(clean.value()).isZero();
    assertThat(clean.findings()).singleElement().asString().startsWith("attribution: ").endsWith(" at assistant:3");
  }
}
