package dev.quarry.validate;

import dev.quarry.syntax.Grammar;
import dev.quarry.syntax.SourceTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses the language of an unlabelled code block: line heuristics score each grammar, then the best
 * candidates are trial-parsed and the first that parses cleanly wins. When none parses, the top candidate is
 * kept only if its evidence is strong ({@value #STRONG} signals), so a broken but obvious Python snippet is
 * still checked while console output or prose in a fence is left alone.
 */
final class LanguageGuess {
  static final int STRONG = 3;
  private static final int TRIALS = 3;
  private static final Map<Grammar, List<Pattern>> SIGNALS = signals();

  private LanguageGuess() {}

  static Optional<Grammar> of(String code) {
    String t = code.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Map<Grammar, Integer> score = new EnumMap<>(Grammar.class);
    for (Map.Entry<Grammar, List<Pattern>> e : SIGNALS.entrySet()) {
      int s = 0;
      for (Pattern p : e.getValue()) {
        if (p.matcher(code).find()) {
          s++;
        }
      }
      if (s > 0) {
        score.put(e.getKey(), s);
      }
    }
    if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
      score.merge(Grammar.JSON, STRONG, Integer::sum);
    }
    List<Grammar> candidates = new ArrayList<>(score.keySet());
    candidates.sort(Comparator.comparing((Grammar g) -> -score.get(g)).thenComparing(Grammar::ordinal));
    for (int i = 0; i < Math.min(TRIALS, candidates.size()); i++) {
      Grammar g = candidates.get(i);
      try (SourceTree tree = SourceTree.parse(g, code)) {
        if (!tree.hasError()) {
          return Optional.of(g);
        }
      }
    }
    if (!candidates.isEmpty() && score.get(candidates.get(0)) >= STRONG) {
      return Optional.of(candidates.get(0));
    }
    return Optional.empty();
  }

  private static Map<Grammar, List<Pattern>> signals() {
    Map<Grammar, List<Pattern>> m = new EnumMap<>(Grammar.class);
    m.put(Grammar.PYTHON, patterns(
        "^\\s*(async\\s+)?def \\w+\\(.*\\)\\s*(->.*)?:\\s*$",
        "^\\s*class \\w+(\\(.*\\))?:\\s*$",
        "^(import [\\w.]+|from [\\w.]+ import )",
        "^\\s*(if|elif|for|while|with|try|except|else|finally)\\b.*:\\s*$",
        "\\bself\\.\\w+",
        "^\\s*@[\\w.]+",
        "\\b(None|True|False)\\b"));
    m.put(Grammar.TYPESCRIPT, patterns(
        "^\\s*(export\\s+)?(interface|type) \\w+",
        "\\w\\s*: (string|number|boolean|void|any|unknown|Promise<)",
        "\\bas const\\b",
        "^\\s*(export\\s+)?(const|let) \\w+\\s*:\\s*\\w+"));
    m.put(Grammar.JAVASCRIPT, patterns(
        "^\\s*(export\\s+)?(const|let|var) \\w+\\s*=",
        "^\\s*(export\\s+)?(async\\s+)?function\\b",
        "=>",
        "^\\s*import .* from ['\"]",
        "\\brequire\\(['\"]",
        "\\bconsole\\.\\w+\\("));
    m.put(Grammar.JAVA, patterns(
        "^\\s*(public|private|protected)\\s+(static\\s+)?(final\\s+)?(class|interface|enum|record|void|[\\w<>\\[\\],]+\\s+\\w+\\s*\\()",
        "^package [\\w.]+;",
        "^import (static )?[\\w.]+(\\.\\*)?;",
        "\\bSystem\\.out\\.print",
        "^\\s*@Override\\b",
        "\\bnew \\w+(<.*>)?\\(.*\\);"));
    m.put(Grammar.BASH, patterns(
        "^#!/(usr/)?bin/(env )?(ba|z)?sh",
        "^\\$ \\w",
        "^\\s*(sudo |pip3? install|npm (i|install|run)|yarn |curl |wget |git |docker |kubectl |cd |mkdir |export \\w+=|echo |apt(-get)? |make\\b|chmod )",
        "\\$\\{?\\w+\\}?",
        "\\|\\s*(grep|sed|awk|xargs|tee)\\b"));
    m.put(Grammar.YAML, patterns(
        "^[\\w.-]+:\\s*$",
        "^\\s+[\\w.-]+: \\S",
        "^\\s*- [\\w.-]+: "));
    return m;
  }

  private static List<Pattern> patterns(String... regex) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regex) {
      out.add(Pattern.compile(r, Pattern.MULTILINE));
    }
    return out;
  }
}
