package dev.quarry.eval.score;

import dev.quarry.eval.symbols.CodeBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chrF (Popović 2015) over code tokens: the character n-gram F-score, n = 1..6, β = 2 (recall weighs twice
 * precision), with precision and recall averaged over the orders that have n-grams, as sacreBLEU computes it.
 * The text compared is the code of the fenced blocks (the whole text when it has none), cut into tokens
 * (identifiers, numbers, single symbols) and joined by single spaces, so layout does not count.
 */
public final class Chrf {
  private static final int MAX_ORDER = 6;
  private static final double BETA = 2;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\d+(?:\\.\\d+)?|\\S");

  private Chrf() {}

  /** chrF of {@code hypothesis} against {@code reference}, in [0, 1]; 0 when either has no tokens. */
  public static double score(String hypothesis, String reference) {
    String h = tokens(codeOf(hypothesis));
    String r = tokens(codeOf(reference));
    if (h.isEmpty() || r.isEmpty()) {
      return 0;
    }
    double p = 0;
    double rc = 0;
    int orders = 0;
    for (int n = 1; n <= MAX_ORDER; n++) {
      Map<String, Integer> hg = grams(h, n);
      Map<String, Integer> rg = grams(r, n);
      int ht = hg.values().stream().mapToInt(Integer::intValue).sum();
      int rt = rg.values().stream().mapToInt(Integer::intValue).sum();
      if (ht == 0 || rt == 0) {
        continue;
      }
      int match = 0;
      for (Map.Entry<String, Integer> e : hg.entrySet()) {
        match += Math.min(e.getValue(), rg.getOrDefault(e.getKey(), 0));
      }
      p += (double) match / ht;
      rc += (double) match / rt;
      orders++;
    }
    if (orders == 0) {
      return 0;
    }
    p /= orders;
    rc /= orders;
    if (p == 0 && rc == 0) {
      return 0;
    }
    double b2 = BETA * BETA;
    return (1 + b2) * p * rc / (b2 * p + rc);
  }

  static String codeOf(String text) {
    List<CodeBlock> blocks = CodeBlock.of(text);
    return blocks.isEmpty() ? text : CodeBlock.allCode(text);
  }

  static String tokens(String code) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(code);
    while (m.find()) {
      out.add(m.group());
    }
    return String.join(" ", out);
  }

  private static Map<String, Integer> grams(String s, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= s.length(); i++) {
      out.merge(s.substring(i, i + n), 1, Integer::sum);
    }
    return out;
  }
}
