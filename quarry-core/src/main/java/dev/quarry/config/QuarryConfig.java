package dev.quarry.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective configuration of a run: quarry.yaml merged over the defaults. Immutable.
 *
 * @param origin the file it was read from as the user named it, or {@code null} for the defaults
 * @param project project name; {@code null} means the repository folder's name
 * @param systemPrompt the system prompt every generated example starts with; {@code null} means derived from
 *     the project name
 * @param categories the categories, in configuration order (that order decides ties in category rules)
 * @param extractors settings per extractor id, sorted by id; an extractor without an entry uses its defaults
 * @param validate settings of the validate stage
 * @param dedup dedup settings
 * @param split split settings
 * @param train trainer hyper-parameters
 * @param export export formats, trainers and the dataset card's license
 * @param synth grounded synthesis settings; not configured unless {@code synth:} names an endpoint and a model
 * @param templateFiles the files of {@code templates_dir:} replacing bundled templates, absolute paths by
 *     {@code <folder>/<name>} (e.g. {@code functions/ask}); empty when it is not set
 * @param hash SHA-256 of the canonical JSON of the effective configuration
 */
public record QuarryConfig(String origin, String project, String systemPrompt, List<CategorySpec> categories,
    Map<String, ExtractorSettings> extractors, ValidateSettings validate, DedupSettings dedup,
    SplitSettings split, TrainSettings train, ExportSettings export, SynthSettings synth,
    Map<String, String> templateFiles, String hash) {

  /** The 8 default categories of SPEC §3, in order. */
  public static final List<String> DEFAULT_CATEGORIES = List.of(
      "api-client", "api-endpoints", "testing", "agents", "sdk", "mcp-tools", "standards", "database");

  /** Copies collections. */
  public QuarryConfig {
    categories = List.copyOf(categories);
    extractors = Collections.unmodifiableMap(new TreeMap<>(extractors));
    templateFiles = Collections.unmodifiableMap(new TreeMap<>(templateFiles == null ? Map.of() : templateFiles));
  }

  /** The built-in configuration: the 8 default categories, every extractor with its defaults. */
  public static QuarryConfig defaults() {
    return ConfigLoader.defaults();
  }

  /** This configuration with other categories (the hash is kept: it identifies the file, not this value). */
  public QuarryConfig withCategories(List<CategorySpec> newCategories) {
    return new QuarryConfig(origin, project, systemPrompt, newCategories, extractors, validate, dedup, split, train,
        export, synth, templateFiles, hash);
  }

  /** This configuration with another project name (the hash is kept, as for {@link #withCategories}). */
  public QuarryConfig withProject(String newProject) {
    return new QuarryConfig(origin, newProject, systemPrompt, categories, extractors, validate, dedup, split, train,
        export, synth, templateFiles, hash);
  }

  /**
   * The {@code templates_dir:} files replacing templates of {@code folder} (an extractor id, {@code explain} or
   * {@code system}), absolute paths by template name; empty when none.
   */
  public Map<String, String> templateOverrides(String folder) {
    Map<String, String> out = new TreeMap<>();
    templateFiles.forEach((k, v) -> {
      if (k.startsWith(folder + "/")) {
        out.put(k.substring(folder.length() + 1), v);
      }
    });
    return out;
  }

  /** The names of the configured categories, in order. */
  public List<String> categoryNames() {
    return categories.stream().map(CategorySpec::name).toList();
  }

  /** The category called {@code name}. */
  public Optional<CategorySpec> category(String name) {
    return categories.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Settings of extractor {@code id}, its defaults when not configured. */
  public ExtractorSettings extractor(String id) {
    return extractors.getOrDefault(id, ExtractorSettings.defaults(id));
  }

  /** The project name, or {@code fallback} (usually the repository folder name) when none is configured. */
  public String projectOr(String fallback) {
    return project == null ? fallback : project;
  }

  /** The system prompt, or the default one for {@code projectName}. */
  public String systemPromptFor(String projectName) {
    if (systemPrompt != null) {
      return systemPrompt.strip();
    }
    return "You are an expert software engineer on the " + projectName + " codebase. Answer with production-ready "
        + "code that follows its APIs and conventions, with type annotations, error handling and tests.";
  }
}
