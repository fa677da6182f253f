package dev.quarry.extract.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.code.Template;
import dev.quarry.extract.code.Templates;
import dev.quarry.model.Example;
import dev.quarry.model.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends an explanation composed from the repository's own knowledge to a code answer: the standards rules
 * that mention a name or status code the code uses, the tests that call the answer's symbol (with what they
 * assert, and the shortest one as an excerpt) and its call sites. Every sentence records its source in
 * {@code meta.explanation_sources} ({@code text}, {@code path}, {@code lines}); a sentence is only ever stated
 * from an exact mention or call, never from a name resemblance. Phrasings come from the {@code explain}
 * templates. Deterministic; an example it has nothing to add to is returned unchanged. Not thread-safe (the
 * templates cache).
 */
public final class Explainer {
  private static final Set<String> COMPOSED = Set.of("docs", "handcrafted", "goals", "history");
  private static final Set<String> STOP = Set.of("None", "True", "False", "null", "true", "false", "self", "this",
      "async", "await", "return", "string", "number", "void", "from", "import", "const", "function", "class");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|(?<![\\w.])[1-5][0-9]{2}(?![\\w.])");
  private static final Pattern DEFINES = Pattern.compile(
      "(?m)^\\s*(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?(?:def|class|function|interface)\\s+([A-Za-z_]\\w*)"
          + "|^\\s*(?:export\\s+)?(?:const|let)\\s+([A-Za-z_]\\w*)\\s*=");
  private static final int MAX_RULES = 2;
  private static final int MAX_TESTS = 2;
  private static final int MAX_CALLERS = 1;
  private static final int MAX_RULE_CHARS = 200;

  private static final int MAX_USES = 2;

  private final Knowledge knowledge;
  private final Templates templates;
  /** How often each rule, test and call site was stated in this run (repeated sentences teach boilerplate). */
  private final Map<String, Integer> uses = new java.util.HashMap<>();

  /** An explainer over {@code knowledge} with the built-in phrasings. */
  public Explainer(Knowledge knowledge) {
    this(knowledge, new Templates("explain", Map.of(), Path.of("")));
  }

  /** An explainer over {@code knowledge} with {@code templates} (folder {@code explain}). */
  public Explainer(Knowledge knowledge, Templates templates) {
    this.knowledge = knowledge;
    this.templates = templates;
  }

  /**
   * {@code e} with the explanation appended to its last answer, or {@code e} itself when it is composed
   * elsewhere (docs, handcrafted, goals), already explained, has no code, or the repository says nothing
   * about it.
   */
  public Example explain(Example e) {
    String answer = e.finalAnswer();
    List<String> code = codeBlocks(answer);
    if (COMPOSED.contains(e.source().extractor()) || e.meta().has("explanation_sources") || code.isEmpty()) {
      return e;
    }
    String all = String.join("\n", code);
    boolean test = e.source().extractor().equals("tests");
    String symbol = test ? null : symbol(all, e.source().symbol());
    String key = e.source().path() + "#" + e.source().symbol();
    int first = e.source().lines() == null ? 1 : e.source().lines().first();
    int last = e.source().lines() == null ? Integer.MAX_VALUE : e.source().lines().last();
    List<Sourced> sentences = new ArrayList<>();
    sentences.addAll(ruleSentences(all, key));
    Sourced usage = null;
    if (symbol != null) {
      List<TestCase> tests = new ArrayList<>();
      for (TestCase t : knowledge.testsCalling(symbol)) {
        boolean self = t.where().path().equals(e.source().path()) && t.where().first() <= last
            && first <= t.where().last();
        if (!self && tests.size() < MAX_TESTS && fresh("test:" + t.where().path() + ":" + t.where().first())) {
          tests.add(t);
        }
      }
      for (TestCase t : tests) {
        sentences.add(testSentence(t, key));
      }
      Set<String> said = new java.util.HashSet<>();
      sentences.forEach(x -> said.add(x.path() + ":" + x.first()));
      List<Sourced> sites = knowledge.callSites(symbol, e.source().path(), first, last);
      usage = usageLine(symbol, sites, e, said);
      sentences.addAll(callerSentences(symbol, sites, key));
    }
    if (sentences.isEmpty()) {
      return e;
    }
    String recordSymbol = e.source().symbol() == null ? null
        : e.source().symbol().substring(e.source().symbol().lastIndexOf(" > ") + 1).replaceFirst("^> ", "").strip();
    return withExplanation(e, answer, symbol == null ? recordSymbol : symbol, sentences, usage, key);
  }

  private Example withExplanation(Example e, String answer, String name, List<Sourced> sentences, Sourced usage,
      String key) {
    StringBuilder out = new StringBuilder(answer.stripTrailing()).append("\n\n");
    out.append(templates.get("lead").fill(key, Map.of("name", name == null ? "it" : name))).append('\n');
    ObjectNode meta = e.metaCopy();
    ArrayNode sources = meta.putArray("explanation_sources");
    for (Sourced s : sentences) {
      out.append("\n- ").append(s.text());
      source(sources, s);
    }
    if (usage != null) {
      out.append("\n\n").append(templates.get("usage").fill(key, Map.of("path", usage.path(), "line",
          Integer.toString(usage.first()))));
      String call = usage.text().strip();
      if (call.indexOf('\n') < 0 && call.indexOf('`') < 0) {
        // One call line is a fragment (its arguments are the caller's variables): inline, so it is read as an
        // illustration and not as a second program that should run on its own.
        out.append(" `").append(call).append('`');
      } else {
        out.append("\n\n```").append(e.language()).append('\n').append(usage.text()).append("\n```");
      }
      source(sources, usage);
    }
    List<Message> messages = new ArrayList<>(e.messages());
    Message lastMessage = messages.remove(messages.size() - 1);
    messages.add(lastMessage.withContent(out.append('\n').toString()));
    return e.withMessages(messages).withMeta(meta);
  }

  private static void source(ArrayNode into, Sourced s) {
    ObjectNode n = into.addObject();
    n.put("text", s.text());
    n.put("path", s.path());
    n.putArray("lines").add(s.first()).add(s.last());
  }

  private List<Sourced> ruleSentences(String code, String key) {
    Map<DocRule, String> chosen = new LinkedHashMap<>();
    Set<String> sections = new LinkedHashSet<>();
    for (String name : names(code)) {
      for (DocRule r : knowledge.rulesNaming(name)) {
        String section = r.where().path() + "#" + r.section();
        if (chosen.size() < MAX_RULES && !chosen.containsKey(r) && !sections.contains(section)
            && !chosen.containsValue(name)) {
          sections.add(section);
          chosen.put(r, name);
        }
      }
    }
    Template t = templates.get("standard");
    List<Sourced> out = new ArrayList<>();
    chosen.forEach((r, name) -> {
      Sourced w = r.where();
      boolean quote = fresh("rule:" + w.path() + ":" + w.first());
      String text = quote ? t.fill(key + "#" + name, Map.of("name", name, "title", r.title(), "section", r.section(),
          "rule", clip(clause(r.sentence(), name)), "path", w.path(), "line", Integer.toString(w.first())))
          : templates.get("cite").fill(key + "#" + name, Map.of("name", name, "title", r.title(), "section",
              r.section(), "line", Integer.toString(w.first())));
      out.add(new Sourced(text, w.path(), w.first(), w.last()));
    });
    return out;
  }

  private Sourced testSentence(TestCase t, String key) {
    Sourced w = t.where();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("test", t.name());
    values.put("path", w.path());
    values.put("line", Integer.toString(w.first()));
    if (t.asserts().isEmpty()) {
      return new Sourced(templates.get("test-plain").fill(key + t.name(), values), w.path(), w.first(), w.last());
    }
    Sourced a = t.asserts().get(0);
    values.put("assert", clip(a.text().replace('`', '\'')));
    return new Sourced(templates.get("test").fill(key + t.name(), values), a.path(), a.first(), a.last());
  }

  private List<Sourced> callerSentences(String symbol, List<Sourced> sites, String key) {
    List<Sourced> out = new ArrayList<>();
    Set<String> callers = new LinkedHashSet<>();
    for (Sourced s : sites) {
      int colon = s.text().indexOf(": ");
      String caller = s.text().substring(0, colon);
      if (caller.equals(symbol) || caller.equals("module") || out.size() >= MAX_CALLERS || !callers.add(caller)
          || !fresh("call:" + s.path() + ":" + s.first())) {
        continue;
      }
      String text = templates.get("caller").fill(key + caller, Map.of("caller", caller, "path", s.path(), "line",
          Integer.toString(s.first()), "call", clip(s.text().substring(colon + 2).replace('`', '\''))));
      out.add(new Sourced(text, s.path(), s.first(), s.last()));
    }
    return out;
  }

  /**
   * A real, self-contained line that calls {@code symbol}: from a covering test, else a call site, in a file of
   * the answer's language, preferring one the sentences do not already quote; a leading {@code return} is
   * dropped. Null when there is none.
   */
  private Sourced usageLine(String symbol, List<Sourced> sites, Example e, Set<String> said) {
    String ext = e.language().equals("python") ? ".py" : e.language().startsWith("typescript")
        || e.language().equals("tsx") ? ".ts" : null;
    if (ext == null) {
      return null;
    }
    List<Sourced> candidates = new ArrayList<>();
    for (TestCase t : knowledge.testsCalling(symbol)) {
      String[] lines = t.where().text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        candidates.add(new Sourced(lines[i].strip(), t.where().path(), t.where().first() + i, t.where().first() + i));
      }
    }
    for (Sourced c : sites) {
      String t = c.text().substring(c.text().indexOf(": ") + 2);
      candidates.add(new Sourced(t, c.path(), c.first(), c.last()));
    }
    candidates.sort(java.util.Comparator.comparing(c -> said.contains(c.path() + ":" + c.first())));
    for (Sourced c : candidates) {
      String t = c.text().replaceFirst("^return\\s+", "");
      boolean sameLanguage = c.path().endsWith(ext) || ext.equals(".ts") && c.path().endsWith(".tsx");
      if (sameLanguage && Knowledge.callsName(t, symbol) && balanced(t) && !t.endsWith(",") && !t.endsWith("(")
          && !t.startsWith("def ") && !t.startsWith("async def ") && !t.startsWith("@") && !t.endsWith(":")
          && t.length() <= 110 && fresh("usage:" + c.path() + ":" + c.first())) {
        return new Sourced(t, c.path(), c.first(), c.last());
      }
    }
    return null;
  }

  /** Whether {@code s} is one whole statement: brackets and quotes balanced, no top-level comma. */
  static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
      // a comma outside brackets means a fragment of an argument list, not a statement
      if (depth < 0 || depth == 0 && c == ',') {
        return false;
      }
    }
    return depth == 0 && s.chars().filter(ch -> ch == '"').count() % 2 == 0
        && s.chars().filter(ch -> ch == '\'').count() % 2 == 0;
  }

  /** Counts a use of {@code key}; false once it was used {@link #MAX_USES} times in this run. */
  private boolean fresh(String key) {
    int n = uses.merge(key, 1, Integer::sum);
    return n <= MAX_USES;
  }

  /** The names and status codes of {@code code} that a rule could mention, in order of first use. */
  static Set<String> names(String code) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(code);
    while (m.find()) {
      String w = m.group();
      boolean status = Character.isDigit(w.charAt(0));
      // plain lower-case words (code, client, error) match prose rules by accident; keep code-shaped names
      boolean codeShaped = w.contains("_") || !w.equals(w.toLowerCase(java.util.Locale.ROOT));
      if (status || codeShaped && w.length() >= 4 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The first name {@code code} defines, else the last segment of the record's symbol, else null. */
  static String symbol(String code, String recordSymbol) {
    Matcher m = DEFINES.matcher(code);
    if (m.find()) {
      return m.group(1) != null ? m.group(1) : m.group(2);
    }
    if (recordSymbol == null || recordSymbol.isBlank() || recordSymbol.contains(" ")) {
      return null;
    }
    String[] parts = recordSymbol.split("[.#:]");
    String s = parts[parts.length - 1];
    return s.matches("[A-Za-z_]\\w*") ? s : null;
  }

  static List<String> codeBlocks(String answer) {
    List<String> out = new ArrayList<>();
    Matcher m = FENCE.matcher(answer);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The sentence of {@code rule} that mentions {@code name} (the whole rule when none does alone). */
  static String clause(String rule, String name) {
    for (String sentence : rule.split("(?<=[.;:!?])\\s+(?=[A-Z`(])")) {
      if (sentence.contains("`" + name) || sentence.contains(name)) {
        return sentence.strip();
      }
    }
    return rule;
  }

  private static String clip(String s) {
    String one = s.strip();
    if (one.length() <= MAX_RULE_CHARS) {
      return one;
    }
    int cut = one.lastIndexOf(". ", MAX_RULE_CHARS);
    return cut > 80 ? one.substring(0, cut + 1) : one.substring(0, MAX_RULE_CHARS).strip() + " …";
  }


}
