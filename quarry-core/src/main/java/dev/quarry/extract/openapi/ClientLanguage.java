package dev.quarry.extract.openapi;

import dev.quarry.ConfigException;
import java.util.Locale;

/** The languages the {@code openapi} extractor writes clients in ({@code client_language}). */
enum ClientLanguage {
  PYTHON("python", "Python", "pytest"),
  TYPESCRIPT("typescript", "TypeScript", "vitest");

  private final String id;
  private final String display;
  private final String testFramework;

  ClientLanguage(String id, String display, String testFramework) {
    this.id = id;
    this.display = display;
    this.testFramework = testFramework;
  }

  /** The example's {@code language}. */
  String id() {
    return id;
  }

  /** The name in prose. */
  String display() {
    return display;
  }

  /** The test framework of its tests. */
  String testFramework() {
    return testFramework;
  }

  /**
   * The language called {@code name} ({@code ts} is accepted for TypeScript).
   *
   * @throws ConfigException when it is not supported
   */
  static ClientLanguage of(String name, String configFile) {
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "python":
      case "py":
        return PYTHON;
      case "typescript":
      case "ts":
        return TYPESCRIPT;
      default:
        throw new ConfigException(configFile == null ? "quarry.yaml" : configFile, 0, "extractors.openapi.client_language \"" + name + "\" is not supported",
            "use python or typescript");
    }
  }
}
