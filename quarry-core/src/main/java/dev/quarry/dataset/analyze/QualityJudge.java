package dev.quarry.dataset.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import dev.quarry.model.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges one example against the quality figures. Deterministic; reads the example's source file only when a
 * repository is given.
 */
final class QualityJudge {
  private static final Pattern IMPORT = Pattern.compile(
      "(?m)^\\s*(import\\s+\\S|from\\s+[\\w.]+\\s+import\\s|(const|let|var)\\s+.+=\\s*require\\(|#include\\s|using\\s+[\\w.]+;"
          + "|use\\s+[\\w:]+;)");
  private static final Pattern PRINTF = Pattern.compile("%[sij](?![A-Za-z0-9])");
  private static final Pattern PARAM = Pattern.compile("\"<[A-Za-z_][\\w-]*>\"");
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern OTHER_FRAMEWORK = Pattern.compile("['\"](vitest|@playwright/test)['\"]");
  private static final Pattern ROUTE = Pattern.compile("(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(/\\S*)");
  private static final Pattern PATH = Pattern.compile("/[\\w{}./-]+");
  private static final Pattern CODE_SHAPED = Pattern.compile("[\\w.]*(_|\\d|[a-z][A-Z])[\\w.]*");
  private static final String PATH_MARK = "path:";
  private static final double VERBATIM = 0.9;

  private final Set<String> symbols;
  private final SpanIndex spans;
  private final Path repo;
  private final ReasoningLexicon lexicon = ReasoningLexicon.builtIn();

  /**
   * @param symbols the platform's symbol names (full and last dotted segment)
   * @param spans every record's span
   * @param repo the repository the dataset was mined from, or null when unknown
   */
  QualityJudge(Set<String> symbols, SpanIndex spans, Path repo) {
    this.symbols = symbols;
    this.spans = spans;
    this.repo = repo;
  }

  /**
   * The symbol names of {@code symbol} that prompts are checked for: its dotted parts, and for a route
   * ({@code POST /v1/x/{id}}) its path. A breadcrumb ({@code useChat > streams a reply}, {@code Guide > Errors})
   * contributes only the segments shaped like code (an underscore, a digit or an inner capital), so the words of
   * a test description or a docs heading are not taken for platform symbols.
   */
  static void addSymbol(Set<String> into, String symbol) {
    if (symbol == null || symbol.isBlank()) {
      return;
    }
    Matcher route = ROUTE.matcher(symbol.strip());
    if (route.matches()) {
      into.add(PATH_MARK + route.group(1).replaceAll("\\{[^}]*}", "{}"));
      return;
    }
    boolean breadcrumb = symbol.contains(" > ") || symbol.strip().contains(" ");
    for (String segment : symbol.split(" > ")) {
      if (breadcrumb && !CODE_SHAPED.matcher(segment.strip()).matches()) {
        continue;
      }
      for (String part : segment.split("[.#:/ ]+")) {
        if (part.length() >= 3 && IDENT.matcher(part).matches()) {
          into.add(part);
        }
      }
    }
  }

  /** The counters for {@code e} (one example). */
  QualityCounts judge(Example e, TextScan answer) {
    String prompt = firstUser(e);
    boolean code = answer.hasCode();
    boolean codeOnly = code && answer.proseLines() <= 1;
    boolean reasoning = lexicon.reasons(answer.prose());
    boolean imports = code && answer.code().stream().anyMatch(c -> IMPORT.matcher(c).find());
    long users = e.messages().stream().filter(m -> m.role() == Role.USER).count();
    boolean goalFirst = namesNoSymbol(prompt);
    double ratio = code ? verbatimRatio(e, answer.code()) : -1;
    long placeholders = 0;
    for (Message m : e.messages()) {
      if (m.role() == Role.USER) {
        placeholders += count(PRINTF, m.content());
      }
      if (m.role() != Role.SYSTEM) {
        placeholders += count(PARAM, m.content());
      }
    }
    int framework = framework(e, prompt, answer);
    return new QualityCounts(1, code ? 1 : 0, codeOnly ? 1 : 0, reasoning ? 1 : 0, imports ? 1 : 0,
        users > 1 ? 1 : 0, goalFirst ? 1 : 0, ratio >= 0 ? 1 : 0, ratio >= VERBATIM ? 1 : 0,
        spans.sharedWithOtherExtractor(e.source()) ? 1 : 0, placeholders, framework >= 0 ? 1 : 0,
        framework > 0 ? 1 : 0);
  }

  /** Whether the answer's code has an import line. */
  static boolean hasImport(String code) {
    return IMPORT.matcher(code).find();
  }

  private boolean namesNoSymbol(String prompt) {
    Matcher p = PATH.matcher(prompt);
    while (p.find()) {
      if (symbols.contains(PATH_MARK + p.group().replaceAll("\\{[^}]*}", "{}"))) {
        return false;
      }
    }
    Matcher m = IDENT.matcher(prompt);
    while (m.find()) {
      if (symbols.contains(m.group())) {
        return false;
      }
    }
    return true;
  }

  /**
   * -1 when not a checked TS/JS test example; 0 when the prompt's framework is right; 1 when it says Jest for a
   * vitest or Playwright file (read from the source file when the repository is known, else from the answer).
   */
  private int framework(Example e, String prompt, TextScan answer) {
    String lang = e.language().toLowerCase(Locale.ROOT);
    boolean js = lang.startsWith("ts") || lang.startsWith("typescript") || lang.startsWith("js")
        || lang.startsWith("javascript");
    if (!js || !e.source().extractor().contains("test")) {
      return -1;
    }
    String evidence = source(e.source().path()).orElse(String.join("\n", answer.code()));
    boolean other = OTHER_FRAMEWORK.matcher(evidence).find();
    boolean saysJest = TextScan.containsWord(prompt.toLowerCase(Locale.ROOT), "jest");
    return saysJest && other ? 1 : 0;
  }

  /** The share of the answer's non-blank code lines found verbatim in the source span; -1 when unknown. */
  private double verbatimRatio(Example e, List<String> code) {
    JsonNode v = e.meta().get("verbatim");
    if (v != null && v.isNumber()) {
      return v.asDouble();
    }
    if (e.source().lines() == null) {
      return -1;
    }
    java.util.Optional<String> text = source(e.source().path());
    if (text.isEmpty()) {
      return -1;
    }
    List<String> lines = text.get().lines().toList();
    int from = Math.max(0, e.source().lines().first() - 1);
    int to = Math.min(lines.size(), e.source().lines().last());
    Set<String> span = new HashSet<>();
    for (int i = from; i < to; i++) {
      span.add(lines.get(i).strip());
    }
    long total = 0;
    long copied = 0;
    for (String c : code) {
      for (String l : c.lines().toList()) {
        String s = l.strip();
        if (!s.isEmpty()) {
          total++;
          copied += span.contains(s) ? 1 : 0;
        }
      }
    }
    return total == 0 ? -1 : (double) copied / total;
  }

  private java.util.Optional<String> source(String path) {
    if (repo == null || path == null) {
      return java.util.Optional.empty();
    }
    Path p = repo.resolve(path).normalize();
    if (!p.startsWith(repo) || !Files.isRegularFile(p)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    } catch (IOException ex) {
      return java.util.Optional.empty();
    }
  }

  static String firstUser(Example e) {
    return e.messages().stream().filter(m -> m.role() == Role.USER).map(Message::content).findFirst().orElse("");
  }

  private static long count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
