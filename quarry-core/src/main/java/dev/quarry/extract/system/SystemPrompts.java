package dev.quarry.extract.system;

import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import dev.quarry.io.Hashing;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The system prompts of one build: either the one configured ({@code system_prompt:} in quarry.yaml, used for
 * every record) or several styles derived from the repository's {@link RepoProfile} (template
 * {@code system/styles}: a terse role line, a platform-context paragraph, a conventions-focused one and a
 * minimal one), one chosen per record by SHA-256 of the record's key so that no single text dominates the
 * dataset. A derived style the attribution rules would reject is dropped; when every style is, the fallback is
 * used. Immutable and thread-safe.
 */
public final class SystemPrompts {
  private final List<String> prompts;

  private SystemPrompts(List<String> prompts) {
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("at least one system prompt");
    }
    this.prompts = List.copyOf(prompts);
  }

  /** One fixed prompt for every record (a configured {@code system_prompt:}). */
  public static SystemPrompts fixed(String prompt) {
    return new SystemPrompts(List.of(prompt));
  }

  /**
   * The styles of {@code templates} (folder {@code system}) filled with {@code profile}, the distinct ones that
   * {@code acceptable} keeps, in file order; {@code fallback} alone when none is kept.
   *
   * @param project the project name records use (already free of AI names)
   * @throws dev.quarry.ConfigException when an overriding styles file names an unknown placeholder
   */
  public static SystemPrompts derived(String project, RepoProfile profile, Templates templates,
      Predicate<String> acceptable, String fallback) {
    Template styles = templates.get("styles");
    Template parts = templates.get("parts");
    String and = parts.fillAt(2, Map.of());
    Map<String, String> v = new TreeMap<>();
    v.put("project", project);
    v.put("languages", profile.languages().isEmpty() ? project : list(profile.languages(), and));
    List<String> stack = profile.frameworks().isEmpty() ? profile.languages() : profile.frameworks();
    v.put("stack", stack.isEmpty() ? project : list(stack, and));
    v.put("about", profile.about());
    v.put("tests", profile.tests().isEmpty() ? parts.fillAt(1, Map.of()) : list(profile.tests(), and));
    v.put("conventions", profile.conventions().isEmpty() ? ""
        : " " + parts.fillAt(0, Map.of("where", "`" + profile.conventions() + "`")));
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < styles.variants().size(); i++) {
      String p = tidy(styles.fillAt(i, v));
      if (!p.isEmpty() && acceptable.test(p)) {
        out.add(p);
      }
    }
    return new SystemPrompts(out.isEmpty() ? List.of(fallback) : new ArrayList<>(out));
  }

  /** The prompt for the record with {@code key} (its extractor, source and first prompt). */
  public String forKey(String key) {
    if (prompts.size() == 1) {
      return prompts.get(0);
    }
    long v = Long.parseLong(Hashing.sha256(key).substring(0, 12), 16);
    return prompts.get((int) (v % prompts.size()));
  }

  /** Every prompt, in style order; the first is the one used where no record key exists. */
  public List<String> all() {
    return prompts;
  }

  /** "A", "A and B", "A, B and C". */
  static String list(List<String> items, String and) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + and + " " + items.get(items.size() - 1);
  }

  /** Removes what an empty value leaves behind: double spaces and a space before punctuation. */
  static String tidy(String s) {
    return s.replaceAll("[ \\t]{2,}", " ").replaceAll(" ([.,:;])", "$1").strip();
  }
}
