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
}
