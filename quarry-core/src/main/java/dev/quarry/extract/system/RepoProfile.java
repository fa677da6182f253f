package dev.quarry.extract.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository says about itself, for its system prompts: its main languages (by file count), the
 * frameworks and test frameworks its package manifests depend on (the names in {@code stack.txt}), its own
 * description (package metadata descriptions, shallowest manifest first, else the first prose paragraph of the
 * root README) and where its conventions are written down. Every text that is kept passed {@code acceptable}
 * (the attribution rules), so no vendor or AI product name enters a prompt through the profile.
 *
 * @param languages main languages, most files first, at most three
 * @param frameworks frameworks and libraries, the manifests' first ones first (shallowest manifest first), at most
 *     five
 * @param tests test frameworks, in manifest order
 * @param about whole sentences the repository says about itself, or empty
 * @param conventions the standards folder or contributor guide, or empty
 */
public record RepoProfile(List<String> languages, List<String> frameworks, List<String> tests, String about,
    String conventions) {
  private static final int MAX_LANGUAGES = 3;
  private static final int MAX_FRAMEWORKS = 5;
  private static final int MAX_ABOUT = 320;
  private static final int MAX_DESCRIPTIONS = 2;
  private static final int MIN_WORDS = 6;
  private static final long MAX_MANIFEST = 256 * 1024;
  private static final List<String> MANIFESTS = List.of("**/package.json", "**/pyproject.toml",
      "**/requirements*.txt", "**/setup.cfg", "**/pom.xml", "**/build.gradle", "**/build.gradle.kts");
  private static final List<String> CONVENTIONS = List.of(".platform/standards", "docs/standards", "STYLE.md",
      "CONTRIBUTING.md", "docs/CONTRIBUTING.md", ".github/CONTRIBUTING.md", "development.md", "DEVELOPMENT.md");
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern PY_DESCRIPTION = Pattern.compile("(?m)^description\\s*=\\s*[\"']([^\"'\\n]+)[\"']");

  /** Copies the lists. */
  public RepoProfile {
    languages = List.copyOf(languages);
    frameworks = List.copyOf(frameworks);
    tests = List.copyOf(tests);
  }

  /**
   * The profile of {@code repo}.
   *
   * @param acceptable whether a text may go into a prompt (false for anything the attribution rules would reject)
   */
  public static RepoProfile of(Repository repo, Predicate<String> acceptable) {
    Stack stack = Stack.builtIn();
    List<RepoFile> manifests = new ArrayList<>(repo.files(MANIFESTS, List.of("**/node_modules/**")));
    manifests.removeIf(f -> f.size() > MAX_MANIFEST);
    manifests.sort(Comparator.comparingInt((RepoFile f) -> depth(f.path())).thenComparing(RepoFile::path));
    List<List<String>> perManifest = new ArrayList<>();
    Set<String> tests = new LinkedHashSet<>();
    List<String> descriptions = new ArrayList<>();
    for (RepoFile f : manifests) {
      String text = read(repo, f);
      List<String> own = new ArrayList<>();
      for (String dependency : dependencies(f, text)) {
        stack.framework(dependency).filter(acceptable).filter(n -> !own.contains(n)).ifPresent(own::add);
        stack.test(dependency).filter(acceptable).ifPresent(tests::add);
      }
      perManifest.add(own);
      description(f, text).filter(d -> acceptable.test(d) && !descriptions.contains(d)).ifPresent(descriptions::add);
    }
    String about = join(descriptions);
    if (about.isEmpty()) {
      about = readmeParagraph(repo).filter(acceptable).orElse("");
    }
    return new RepoProfile(languages(repo, stack), interleave(perManifest).stream().limit(MAX_FRAMEWORKS).toList(),
        List.copyOf(tests), about, conventions(repo));
  }

  /** The first framework of each manifest, then the second of each …, without repeats (a backend and a frontend
   * manifest both reach the prompt). */
  static List<String> interleave(List<List<String>> lists) {
    Set<String> out = new LinkedHashSet<>();
    int longest = lists.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (List<String> l : lists) {
        if (i < l.size()) {
          out.add(l.get(i));
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> languages(Repository repo, Stack stack) {
    Map<String, Integer> counts = new TreeMap<>();
    int total = 0;
    for (RepoFile f : repo.files()) {
      String lang = stack.language(f.extension().toLowerCase(Locale.ROOT)).orElse(null);
      if (lang != null) {
        counts.merge(lang, 1, Integer::sum);
        total++;
      }
    }
    int min = Math.max(1, total / 10);
    return counts.entrySet().stream().filter(e -> e.getValue() >= min)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_LANGUAGES).map(Map.Entry::getKey).toList();
  }

  /** The dependency names a manifest declares, lower case. */
  static List<String> dependencies(RepoFile f, String text) {
    List<String> out = new ArrayList<>();
    if (f.name().equals("package.json")) {
      try {
        JsonNode root = Json.mapper().readTree(text);
        for (String section : List.of("dependencies", "devDependencies", "peerDependencies")) {
          root.path(section).fieldNames().forEachRemaining(n -> out.add(n.toLowerCase(Locale.ROOT)));
        }
      } catch (IOException | RuntimeException e) {
        // A malformed package.json says nothing about the stack; other manifests may.
      }
      return out;
    }
    // TOML, requirements, setup.cfg, Maven, Gradle: a dependency is a name followed by a version, extra or quote.
    Matcher m = Pattern.compile("(?<![\\w.-])([A-Za-z][\\w.-]*)(?=\\s*(?:[\\[<>=~!;\"']|$))", Pattern.MULTILINE)
        .matcher(text);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>|['\"][\\w.-]+:([\\w.-]+)(?::[^'\"]*)?['\"]")
        .matcher(text);
    while (artifact.find()) {
      out.add((artifact.group(1) != null ? artifact.group(1) : artifact.group(2)).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static java.util.Optional<String> description(RepoFile f, String text) {
    String d = null;
    if (f.name().equals("package.json")) {
      try {
        d = Json.mapper().readTree(text).path("description").asText("");
      } catch (IOException | RuntimeException e) {
        d = null;
      }
    } else if (f.name().equals("pyproject.toml")) {
      Matcher m = PY_DESCRIPTION.matcher(text);
      d = m.find() ? m.group(1) : null;
    }
    return d == null ? java.util.Optional.empty() : sentence(d);
  }

  /**
   * The first prose paragraph of the root README's introduction, before its first {@code ##} heading (no
   * heading, badge, image, list, table or HTML line).
   */
  private static java.util.Optional<String> readmeParagraph(Repository repo) {
    List<RepoFile> readme = repo.files(List.of("README.md", "Readme.md", "readme.md", "README.rst", "README"),
        List.of());
    if (readme.isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder para = new StringBuilder();
    for (String line : read(repo, readme.get(0)).split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("##")) {
        break; // only the introduction describes the project; later sections are instructions
      }
      String words = LINK.matcher(t).replaceAll("$1").strip();
      // an image or badge line is not prose, even though its alt text is words
      boolean prose = !t.isEmpty() && !words.isEmpty() && Character.isLetter(words.codePointAt(0))
          && !t.startsWith("![") && !t.startsWith("[![") && !t.startsWith("<") && !t.endsWith(":")
          && !t.startsWith("=") && !t.startsWith("-");
      if (prose) {
        para.append(t).append(' ');
      } else if (!para.isEmpty()) {
        break;
      }
    }
    String text = LINK.matcher(para.toString()).replaceAll("$1").replace("**", "").replace("__", "");
    // a caption or a tag line is not a description
    return text.strip().split("\\s+").length < MIN_WORDS ? java.util.Optional.empty() : sentence(text);
  }

  /** {@code text} as whole sentences within {@value #MAX_ABOUT} characters, ending with a stop; empty if none. */
  static java.util.Optional<String> sentence(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (t.length() < 12 || t.chars().noneMatch(Character::isLetter)) {
      return java.util.Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (String s : t.split("(?<=[.!?])\\s+")) {
      if (out.length() + s.length() + 1 > MAX_ABOUT) {
        break;
      }
      out.append(out.isEmpty() ? "" : " ").append(s);
    }
    if (out.isEmpty()) {
      return java.util.Optional.empty();
    }
    String s = Character.toUpperCase(out.charAt(0)) + out.substring(1);
    return java.util.Optional.of(".!?".indexOf(s.charAt(s.length() - 1)) >= 0 ? s : s + ".");
  }

  private static String join(List<String> descriptions) {
    StringBuilder out = new StringBuilder();
    for (String d : descriptions.subList(0, Math.min(MAX_DESCRIPTIONS, descriptions.size()))) {
      if (out.length() + d.length() + 1 <= MAX_ABOUT) {
        out.append(out.isEmpty() ? "" : " ").append(d);
      }
    }
    return out.toString();
  }

  private static String conventions(Repository repo) {
    for (String c : CONVENTIONS) {
      boolean present = repo.files().stream().anyMatch(f -> f.path().equals(c) || f.path().startsWith(c + "/"));
      if (present) {
        return c;
      }
    }
    return "";
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  private static String read(Repository repo, RepoFile f) {
    try {
      return repo.read(f).replace("\r\n", "\n");
    } catch (IOException e) {
      // An unreadable manifest or README leaves its facts out of the prompt; the extractors report it.
      return "";
    }
  }

  /** The entries of {@code stack.txt}. */
  record Stack(Map<String, String> languages, Map<String, String> frameworks, Map<String, String> tests) {
    static Stack builtIn() {
      Map<String, String> l = new TreeMap<>();
      Map<String, String> f = new TreeMap<>();
      Map<String, String> t = new TreeMap<>();
      try (InputStream in = RepoProfile.class.getResourceAsStream("/dev/quarry/extract/system/stack.txt")) {
        if (in == null) {
          throw new IllegalStateException("missing built-in /dev/quarry/extract/system/stack.txt");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String[] p = line.strip().split("\\s+", 3);
          if (line.startsWith("#") || p.length < 3) {
            continue;
          }
          switch (p[0]) {
            case "language" -> l.put(p[1], p[2]);
            case "framework" -> f.put(p[1], p[2]);
            case "test" -> t.put(p[1], p[2]);
            default -> throw new IllegalStateException("stack.txt: unknown kind " + p[0]);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("unreadable built-in stack.txt", e);
      }
      return new Stack(l, f, t);
    }

    java.util.Optional<String> language(String extension) {
      return java.util.Optional.ofNullable(languages.get(extension));
    }

    java.util.Optional<String> framework(String dependency) {
      return java.util.Optional.ofNullable(frameworks.get(dependency));
    }

    java.util.Optional<String> test(String dependency) {
      return java.util.Optional.ofNullable(tests.get(dependency));
    }
  }
}
