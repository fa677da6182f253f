package dev.quarry.extract.tests;

import dev.quarry.extract.code.CodeFile;
import dev.quarry.extract.code.JsImports;
import java.util.regex.Pattern;

/**
 * The test framework a test file is written for, detected from what the file imports (and, for files that use
 * the runner's globals, from the runner objects they call), so a prompt never says "Jest" for a vitest or
 * Playwright file.
 */
enum TestFramework {
  PYTEST("pytest", "pytest"),
  UNITTEST("unittest", "unittest"),
  JEST("jest", "Jest"),
  VITEST("vitest", "Vitest"),
  MOCHA("mocha", "Mocha"),
  PLAYWRIGHT("playwright", "Playwright Test"),
  JUNIT4("junit4", "JUnit 4"),
  JUNIT5("junit", "JUnit 5");

  private static final Pattern VI = Pattern.compile("\\bvi\\.[a-zA-Z]+\\(");
  private static final Pattern JEST_GLOBAL = Pattern.compile("\\bjest\\.[a-zA-Z]+\\(");

  private final String id;
  private final String displayName;

  TestFramework(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The stable id used in tags and {@code meta.test_framework}. */
  String id() {
    return id;
  }

  /** The name a prompt uses. */
  String displayName() {
    return displayName;
  }

  /** Whether tests of this framework are JavaScript/TypeScript calls of {@code it}/{@code test}. */
  boolean javascript() {
    return this == JEST || this == VITEST || this == MOCHA || this == PLAYWRIGHT;
  }

  /**
   * The framework of a JavaScript/TypeScript test file: the runner module it imports ({@code vitest},
   * {@code @playwright/test}, {@code @jest/globals}, {@code mocha}); failing that the runner object it calls
   * ({@code vi.fn()}, {@code jest.fn()}); failing that Mocha when it imports {@code chai}; else Jest, the
   * runner whose globals need no import.
   */
  static TestFramework ofJs(CodeFile f) {
    JsImports imports = f.jsImports();
    if (imports.importsAny("@playwright/test")) {
      return PLAYWRIGHT;
    }
    if (imports.importsAny("vitest")) {
      return VITEST;
    }
    if (imports.importsAny("@jest/globals")) {
      return JEST;
    }
    if (imports.importsAny("mocha")) {
      return MOCHA;
    }
    String text = f.tree().source();
    if (VI.matcher(text).find()) {
      return VITEST;
    }
    if (JEST_GLOBAL.matcher(text).find()) {
      return JEST;
    }
    return imports.importsAny("chai") ? MOCHA : JEST;
  }

  /** JUnit 4 when the file imports {@code org.junit.Test} and not Jupiter, else JUnit 5. */
  static TestFramework ofJava(CodeFile f) {
    String text = f.tree().source();
    boolean jupiter = text.contains("org.junit.jupiter");
    return !jupiter && text.contains("import org.junit.") ? JUNIT4 : JUNIT5;
  }
}
