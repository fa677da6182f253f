package dev.quarry.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quarry.config.CategorySpec;
import dev.quarry.config.QuarryConfig;
import dev.quarry.extract.docs.DocsExtractor;
import dev.quarry.extract.handcrafted.HandcraftedExtractor;
import dev.quarry.extract.openapi.OpenApiExtractor;
import dev.quarry.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes a commented starter {@code quarry.yaml} for a repository ({@code quarry init}): the OpenAPI specs,
 * hand-written examples, guides and test folders it found, and the 8 default categories with path rules that
 * point at the folders that exist. The text always loads back through the configuration loader. Stateless.
 */
public final class StarterConfig {
  private static final int MAX_RULES = 8;

  private StarterConfig() {}

  /** What was detected, for the summary. */
  public record Detection(List<String> specs, List<String> handcrafted, List<String> docs, List<String> tests,
      Map<String, List<String>> categoryPaths) {}

  /** Detects what {@code repo} holds. */
  public static Detection detect(Repository repo) {
    List<String> specs = OpenApiExtractor.detectSpecs(repo);
    List<String> handcrafted = filesMatching(repo, HandcraftedExtractor.DEFAULT_PATHS);
    List<String> docs = filesMatching(repo, DocsExtractor.DEFAULT_PATHS).stream()
        .filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".md")).toList();
    List<String> tests = folders(repo, n -> Set.of("tests", "test", "__tests__", "spec").contains(n));
    Map<String, List<String>> cats = new LinkedHashMap<>();
    List<String> client = new ArrayList<>(specs);
    client.addAll(globs(folders(repo, n -> n.equals("client") || n.equals("clients"))));
    cats.put("api-client", client);
    cats.put("api-endpoints", globs(folders(repo,
        n -> Set.of("routers", "routes", "controllers", "endpoints", "handlers").contains(n))));
    cats.put("testing", globs(tests));
    cats.put("agents", globs(folders(repo, n -> n.equals("agents") || n.equals("agent") || n.startsWith("orchestrat"))));
    cats.put("sdk", globs(folders(repo, n -> n.equals("sdk") || n.equals("hooks") || n.endsWith("-sdk"))));
    cats.put("mcp-tools", globs(folders(repo, n -> n.contains("mcp"))));
    List<String> standards = globs(folders(repo, n -> n.contains("standards") || n.equals("docs") || n.equals("guides")));
    cats.put("standards", standards);
    cats.put("database", globs(folders(repo, n -> Set.of("db", "database", "migrations", "alembic", "sql").contains(n))));
    return new Detection(specs, handcrafted, docs, tests, cats);
  }

  /** The commented quarry.yaml for {@code repo}. */
  public static String render(Repository repo, Detection d) {
    StringBuilder y = new StringBuilder();
    y.append("# quarry.yaml for ").append(repo.name()).append(", written by `quarry init`.\n")
        .append("# Every key is optional; unknown keys are errors that name the nearest valid key.\n\n")
        .append("project: ").append(q(repo.name())).append("\n\n")
        .append("# The system prompt every generated example starts with. Without it Quarry derives one from the\n")
        .append("# project name.\n")
        .append("# system_prompt: |\n#   You are an expert engineer on the ").append(repo.name())
        .append(" codebase. Answer with production-ready code.\n\n");
    y.append("# Categories, in priority order: an example goes to the first category with a path glob matching its\n")
        .append("# source file, else to the first with a keyword in its text, else to its extractor's default.\n")
        .append("# target: how many examples `quarry balance` keeps at most (and aims for); without one a category\n")
        .append("# is never downsampled.\ncategories:\n");
    QuarryConfig defaults = QuarryConfig.defaults();
    for (CategorySpec c : defaults.categories()) {
      List<String> found = d.categoryPaths().getOrDefault(c.name(), List.of());
      y.append("  ").append(c.name()).append(":\n");
      if (found.isEmpty()) {
        y.append("    # nothing specific found: the generic rules\n");
        y.append("    paths: ").append(list(c.paths())).append('\n');
      } else {
        y.append("    paths: ").append(list(found.subList(0, Math.min(MAX_RULES, found.size())))).append('\n');
      }
      y.append("    keywords: ").append(list(c.keywords())).append('\n');
      y.append(c.target() == 0 ? "    # target: 40\n" : "    target: " + c.target() + "\n");
    }
    y.append("\nextractors:\n");
    y.append("  openapi:\n");
    if (d.specs().isEmpty()) {
      y.append("    # no OpenAPI or Swagger document found; these globs are the defaults\n")
          .append("    specs: ").append(list(OpenApiExtractor.DEFAULT_SPECS)).append('\n');
    } else {
      y.append("    # ").append(d.specs().size()).append(" OpenAPI/Swagger document(s) found\n")
          .append("    specs: ").append(list(d.specs())).append('\n');
    }
    y.append("    client_language: python   # or typescript\n");
    y.append("  handcrafted:\n");
    y.append("    # ").append(d.handcrafted().isEmpty() ? "no hand-written examples found yet; put Markdown files with"
        + " ## User / ## Assistant sections here" : d.handcrafted().size() + " hand-written example file(s) found").append('\n');
    y.append("    paths: ").append(list(HandcraftedExtractor.DEFAULT_PATHS)).append('\n');
    y.append("  docs:\n");
    List<String> docDirs = new ArrayList<>(new TreeSet<>(d.docs().stream().map(StarterConfig::parentGlob).toList()));
    if (docDirs.isEmpty()) {
      y.append("    # no standards or guides found; these globs are the defaults\n")
          .append("    paths: ").append(list(DocsExtractor.DEFAULT_PATHS)).append('\n');
    } else {
      y.append("    # ").append(d.docs().size()).append(" guide(s) found\n")
          .append("    paths: ").append(list(docDirs.subList(0, Math.min(MAX_RULES * 2, docDirs.size())))).append('\n');
    }
    y.append("  tests:\n");
    y.append("    # test folders found: ").append(d.tests().isEmpty() ? "none" : String.join(", ", d.tests()))
        .append("\n    # test files are found by name (test_*.py, *.test.ts, *Test.java ...) everywhere\n")
        .append("    enabled: true\n");
    y.append("\n# Limit an extractor with max_examples (a deterministic sample), e.g.:\n")
        .append("#   routes: {max_examples: 200}\n");
    y.append("\nsplit: {validation: 0.1, test: 0.1, seed: 42}\n");
    return y.toString();
  }

  private static String parentGlob(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(0, slash) + "/*.md";
  }

  private static List<String> filesMatching(Repository repo, List<String> globs) {
    List<Glob> gs = globs.stream().map(Glob::of).toList();
    return repo.files().stream().map(RepoFile::path).filter(p -> gs.stream().anyMatch(g -> g.matches(p))).toList();
  }

  /** Folders (outermost only) whose name passes {@code test}, sorted. */
  private static List<String> folders(Repository repo, Predicate<String> test) {
    TreeSet<String> out = new TreeSet<>();
    for (RepoFile f : repo.files()) {
      String[] parts = f.path().split("/");
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        if (i > 0) {
          prefix.append('/');
        }
        prefix.append(parts[i]);
        if (test.test(parts[i].toLowerCase(Locale.ROOT))) {
          out.add(prefix.toString());
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> globs(List<String> folders) {
    return folders.stream().map(f -> f + "/**").toList();
  }

  private static String list(List<String> items) {
    List<String> quoted = items.stream().map(StarterConfig::q).toList();
    return "[" + String.join(", ", quoted) + "]";
  }

  private static String q(String s) {
    try {
      return Json.mapper().writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
