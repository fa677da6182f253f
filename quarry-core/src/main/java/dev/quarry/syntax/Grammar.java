package dev.quarry.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterJson;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;
import org.treesitter.TreeSitterYaml;

/**
 * The tree-sitter grammars Quarry parses with, and which files and fenced code blocks use which.
 *
 * <p>JSX is parsed by the JavaScript grammar (it accepts JSX); TSX needs its own grammar because the
 * TypeScript grammar reads {@code <T>x} as a type assertion. The native language of each grammar is loaded on
 * first use and shared; it is immutable and thread-safe.
 */
public enum Grammar {
  /** Python 3. */
  PYTHON("python", TreeSitterPython::new, List.of("py", "pyi"), List.of("python", "py", "python3", "py3")),
  /** TypeScript without JSX. */
  TYPESCRIPT("typescript", TreeSitterTypescript::new, List.of("ts", "mts", "cts"), List.of("typescript", "ts")),
  /** TypeScript with JSX. */
  TSX("tsx", TreeSitterTsx::new, List.of("tsx"), List.of("tsx")),
  /** JavaScript, including JSX. */
  JAVASCRIPT("javascript", TreeSitterJavascript::new, List.of("js", "jsx", "mjs", "cjs"),
      List.of("javascript", "js", "jsx", "node", "mjs", "cjs")),
  /** Java. */
  JAVA("java", TreeSitterJava::new, List.of("java"), List.of("java")),
  /** JSON. */
  JSON("json", TreeSitterJson::new, List.of("json"), List.of("json", "jsonc")),
  /** YAML. */
  YAML("yaml", TreeSitterYaml::new, List.of("yaml", "yml"), List.of("yaml", "yml")),
  /** Bash and POSIX shell. */
  BASH("bash", TreeSitterBash::new, List.of("sh", "bash"), List.of("bash", "sh", "shell", "zsh", "console"));

  private final String id;
  private final Supplier<TSLanguage> factory;
  private final List<String> extensions;
  private final List<String> fenceLabels;
  private volatile TSLanguage language;

  Grammar(String id, Supplier<TSLanguage> factory, List<String> extensions, List<String> fenceLabels) {
    this.id = id;
    this.factory = factory;
    this.extensions = extensions;
    this.fenceLabels = fenceLabels;
  }

  /** The language name used in records ({@code language} field), e.g. {@code python}, {@code tsx}. */
  public String id() {
    return id;
  }

  /** File extensions (lower case, without the dot) parsed with this grammar. */
  public List<String> extensions() {
    return extensions;
  }

  /** Labels of Markdown fenced code blocks (lower case) whose code this grammar parses. */
  public List<String> fenceLabels() {
    return fenceLabels;
  }

  /** The native tree-sitter language, loaded once. Thread-safe. */
  public TSLanguage language() {
    TSLanguage l = language;
    if (l == null) {
      synchronized (this) {
        if (language == null) {
          language = factory.get();
        }
        l = language;
      }
    }
    return l;
  }

  /** The grammar for a file path, by its extension (case-insensitive); empty when none fits. */
  public static Optional<Grammar> forPath(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (Grammar g : values()) {
      if (g.extensions.contains(ext)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /**
   * The grammar for the info string of a fenced code block ({@code ```py title="x"} gives {@link #PYTHON}); only
   * the first word counts, case-insensitive, a leading {@code {.} } as in Pandoc is ignored. Empty when none fits.
   */
  public static Optional<Grammar> forFenceLabel(String info) {
    String s = info.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("{")) {
      s = s.substring(1);
    }
    if (s.startsWith(".")) {
      s = s.substring(1);
    }
    int end = 0;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '}'
        && s.charAt(end) != ',' && s.charAt(end) != '{') {
      end++;
    }
    String label = s.substring(0, end);
    for (Grammar g : values()) {
      if (g.fenceLabels.contains(label)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
