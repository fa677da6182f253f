package dev.quarry.extract;

import dev.quarry.config.CategorySpec;
import dev.quarry.config.QuarryConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assigns a category by the configuration's rules: the first category (in configuration order) with a path
 * glob matching the source path; else the first with a keyword in the text; else the extractor's default.
 * Thread-safe.
 */
public final class Categorizer {
  /**
   * The category chosen and the rule that decided, as recorded in {@code meta.category_rule}.
   *
   * @param category the category
   * @param rule e.g. {@code path:backend/app/db/**}, {@code keyword:pgbouncer}, {@code extractor-default}
   */
  public record Assignment(String category, String rule) {}

  private record Compiled(String name, List<Glob> paths, List<String> keywords) {}

  private final List<Compiled> rules = new ArrayList<>();
  private final List<String> names;

  /** Compiles the rules of {@code config}. */
  public Categorizer(QuarryConfig config) {
    for (CategorySpec c : config.categories()) {
      rules.add(new Compiled(c.name(), c.paths().stream().map(Glob::of).toList(),
          c.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()));
    }
    names = config.categoryNames();
  }

  /**
   * Assigns a category.
   *
   * @param path source path relative to the repository
   * @param text the text keyword rules look at (usually the user prompt and the answer)
   * @param fallback the extractor's default category; used when no rule matches and it is configured
   * @param preferred a category the extractor or an author asked for explicitly (e.g. front matter); wins
   *     when it is configured; may be null
   */
  public Assignment assign(String path, String text, String fallback, String preferred) {
    if (preferred != null && names.contains(preferred)) {
      return new Assignment(preferred, "explicit");
    }
    for (Compiled c : rules) {
      for (Glob g : c.paths()) {
        if (g.matches(path)) {
          return new Assignment(c.name(), "path:" + g.pattern());
        }
      }
    }
    String lower = withoutCodeStrings(text).toLowerCase(Locale.ROOT);
    for (Compiled c : rules) {
      for (String k : c.keywords()) {
        if (containsWord(lower, k)) {
          return new Assignment(c.name(), "keyword:" + k);
        }
      }
    }
    if (names.contains(fallback)) {
      return new Assignment(fallback, "extractor-default");
    }
    return new Assignment(names.get(0), "first-category");
  }

  private static final java.util.regex.Pattern STRING = java.util.regex.Pattern.compile(
      "\"(?:[^\"\\\\\n]++|\\\\.)*+\"|'(?:[^'\\\\\n]++|\\\\.)*+'|`(?:[^`\\\\\n]++|\\\\.)*+`");

  /**
   * {@code text} with the one-line string literals of its fenced code blocks blanked: keyword rules read prose,
   * doc comments and identifiers, not messages in code ({@code raise ValueError("top_k must be > 0")} says
   * nothing about standards). Docstrings (triple-quoted) are documentation and kept.
   */
  static String withoutCodeStrings(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean code = false;
    for (String line : text.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        code = !code;
        out.append(line).append('\n');
        continue;
      }
      if (!code) {
        out.append(line).append('\n');
        continue;
      }
      String protectedLine = line.replace("\"\"\"", "\u0001").replace("'''", "\u0002");
      String blanked = STRING.matcher(protectedLine).replaceAll("\"\"");
      out.append(blanked.replace("\u0001", "\"\"\"").replace("\u0002", "'''")).append('\n');
    }
    return out.toString();
  }

  private static boolean containsWord(String text, String word) {
    int from = 0;
    while (true) {
      int i = text.indexOf(word, from);
      if (i < 0) {
        return false;
      }
      int end = i + word.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = i + 1;
    }
  }
}
