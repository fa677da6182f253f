package dev.quarry.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.config.ConfigLoader;
import dev.quarry.config.QuarryConfig;
import org.junit.jupiter.api.Test;

class CategorizerTest {
  private static final QuarryConfig CONFIG = ConfigLoader.parse("quarry.yaml", """
      categories:
        database: {paths: ["backend/app/db/**"], keywords: [pgbouncer]}
        testing: {paths: ["**/tests/**"], keywords: [pytest]}
        standards: {keywords: [must]}
      """);
  private final Categorizer c = new Categorizer(CONFIG);

  @Test
  void anExplicitConfiguredCategoryWins() {
    assertThat(c.assign("backend/app/db/pool.py", "pytest", "sdk", "agents"))
        .isEqualTo(new Categorizer.Assignment("agents", "explicit"));
  }

  @Test
  void theFirstPathRuleInConfigurationOrderDecides() {
    assertThat(c.assign("backend/app/db/tests/test_pool.py", "", "sdk", null))
        .isEqualTo(new Categorizer.Assignment("database", "path:backend/app/db/**"));
  }

  @Test
  void keywordsMatchWholeWordsOnly() {
    assertThat(c.assign("src/x.py", "we run PyTest here", "sdk", null))
        .isEqualTo(new Categorizer.Assignment("testing", "keyword:pytest"));
    assertThat(c.assign("src/x.py", "pytester", "sdk", null))
        .isEqualTo(new Categorizer.Assignment("sdk", "extractor-default"));
  }

  @Test
  void anUnconfiguredPreferenceFallsBackToTheRules() {
    assertThat(c.assign("src/x.py", "", "sdk", "cooking"))
        .isEqualTo(new Categorizer.Assignment("sdk", "extractor-default"));
  }

  @Test
  void anUnconfiguredDefaultFallsBackToTheFirstCategory() {
    assertThat(c.assign("src/x.py", "", "nonexistent", null))
        .isEqualTo(new Categorizer.Assignment("database", "first-category"));
  }

  @Test
  void aVeryLongStringLiteralInCodeIsSkippedWithoutExhaustingTheStack() {
    // An imported tool-call record (LLaMA-Factory's glaive demo) holds JSON lines of this kind; the regex once
    // recursed per character and threw StackOverflowError on them.
    String literal = "\"" + "x\\\"y ".repeat(40_000) + "pytest\"";
    String answer = "```json\n{\"arguments\": " + literal + "}\n```";
    assertThat(c.assign("src/x.py", answer, "sdk", null))
        .isEqualTo(new Categorizer.Assignment("sdk", "extractor-default"));
  }

  @Test
  void aKeywordInAStringLiteralOfCodeDoesNotMoveCodeIntoACategory() {
    String answer = "Here it is:\n\n```python\ndef top(k: int) -> int:\n    if k < 1:\n"
        + "        raise ValueError(\"top_k must be positive\")\n    return k\n```";
    assertThat(c.assign("src/x.py", answer, "sdk", null))
        .isEqualTo(new Categorizer.Assignment("sdk", "extractor-default"));
  }

  @Test
  void aKeywordInProseOrADocstringStillDecides() {
    assertThat(c.assign("src/x.py", "Every handler must declare its scope.", "sdk", null))
        .isEqualTo(new Categorizer.Assignment("standards", "keyword:must"));
    String doc = "```python\ndef f():\n    \"\"\"Callers must hold the lock.\"\"\"\n```";
    assertThat(c.assign("src/x.py", doc, "sdk", null))
        .isEqualTo(new Categorizer.Assignment("standards", "keyword:must"));
  }
}
