package dev.quarry.config;

import java.util.List;

/**
 * The 8 default categories of SPEC §3 with path and keyword rules that fit common repository layouts. Used
 * when quarry.yaml has no {@code categories:}; categories it does not mention keep these rules.
 */
final class DefaultCategories {
  /**
   * Default target per category: none. Balancing only downsamples a category whose target quarry.yaml sets;
   * a default target threw real examples away on repositories it was never tuned for (one lost 52 %).
   */
  static final int TARGET = 0;

  private DefaultCategories() {}

  static List<CategorySpec> all() {
    return List.of(
        new CategorySpec("api-client", List.of("**/openapi*.{yaml,yml,json}", "**/swagger*.{yaml,yml,json}",
            "**/client/**", "**/clients/**"), List.of("api client", "http client"), TARGET),
        new CategorySpec("api-endpoints", List.of("**/routers/**", "**/routes/**", "**/controllers/**",
            "**/endpoints/**", "**/handlers/**"), List.of("APIRouter", "@app.get", "@router."), TARGET),
        new CategorySpec("testing", List.of("**/tests/**", "**/test/**", "**/__tests__/**", "**/test_*.py",
            "**/*_test.py", "**/*.test.*", "**/*.spec.*", "**/*Test.java"), List.of("pytest", "vitest", "jest"), TARGET),
        new CategorySpec("agents", List.of("**/agents/**", "**/agent/**", "**/orchestrat*/**", "**/swarm/**"),
            List.of("orchestrator", "delegate", "agent"), TARGET),
        new CategorySpec("sdk", List.of("**/sdk/**", "**/hooks/**"), List.of("hook", "sdk"), TARGET),
        new CategorySpec("mcp-tools", List.of("**/mcp/**", "**/*mcp*/**"), List.of("mcp", "tool"), TARGET),
        new CategorySpec("standards", List.of("**/standards/**", "**/docs/**", "**/*.md"),
            List.of("standard", "convention", "guideline"), TARGET),
        new CategorySpec("database", List.of("**/db/**", "**/database/**", "**/migrations/**", "**/*vector*"),
            List.of("pgbouncer", "vector", "index", "postgres", "sql"), TARGET));
  }
}
