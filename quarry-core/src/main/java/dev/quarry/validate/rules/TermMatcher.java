package dev.quarry.validate.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds terms in {@link Words}: a one-word term ({@code claude}) matches a run of sub-words of one word whose
 * letters spell it exactly, starting and ending on sub-word edges — so {@code Cl**aude**}, {@code claude-3}
 * and {@code ChatGPT} match while {@code claudication}, {@code GPTQ} and {@code autopilot} do not. Single
 * letters also join across breaks ({@code C l a u d e}, {@code C.L.A.U.D.E}). A phrase ({@code gemini pro})
 * matches its words in sequence across any separation; the word {@code #} stands for any number. Occurrences
 * inside an allowed phrase are dropped. Immutable and thread-safe.
 */
final class TermMatcher {
  /**
   * One occurrence.
   *
   * @param term the term as configured
   * @param start offset of its first character in the folded text
   * @param end end offset (exclusive) in the folded text
   */
  record Match(String term, int start, int end) {}

  private static final int MAX_PARTS = 12;

  private final Map<String, String> single = new HashMap<>();
  private final Map<String, List<String[]>> phrases = new HashMap<>();
  private final Map<String, String> phraseNames = new HashMap<>();
  private final List<String[]> allow = new ArrayList<>();
  private final Set<String> allowFirst = new HashSet<>();
  private int longest;

  TermMatcher(List<String> terms, List<String> allowed) {
    for (String t : terms) {
      String[] words = key(t);
      if (words.length == 0) {
        continue;
      }
      if (words.length == 1) {
        single.putIfAbsent(words[0], t);
      } else {
        phrases.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        phraseNames.putIfAbsent(String.join(" ", words), t);
      }
      for (String w : words) {
        longest = Math.max(longest, w.length());
      }
    }
    for (String a : allowed) {
      String[] words = key(a);
      if (words.length > 0) {
        allow.add(words);
        allowFirst.add(words[0]);
        for (String w : words) {
          longest = Math.max(longest, w.length());
        }
      }
    }
  }

  /** A term as folded words: {@code "GPT-4"} gives {@code [gpt4]}, {@code "Gemini Pro"} gives {@code [gemini, pro]}. */
  static String[] key(String term) {
    List<String> out = new ArrayList<>();
    for (String w : term.strip().split("\\s+")) {
      if (w.equals("#")) {
        out.add("#");
        continue;
      }
      StringBuilder sb = new StringBuilder();
      String f = FoldedText.of(w).text();
      for (int i = 0; i < f.length(); i++) {
        if (Words.alnum(f.charAt(i))) {
          sb.append(f.charAt(i));
        }
      }
      if (sb.length() > 0) {
        out.add(sb.toString());
      }
    }
    return out.toArray(new String[0]);
  }

  List<Match> find(List<Words.Word> words) {
    List<int[]> allowed = new ArrayList<>();
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < words.size() && j - i < MAX_PARTS; j++) {
        if (j > i && !joins(words, j)) {
          break;
        }
        sb.append(words.get(j).text());
        if (sb.length() > longest) {
          break;
        }
        String w = sb.toString();
        String t = single.get(w);
        if (t != null) {
          out.add(new Match(t, words.get(i).start(), words.get(j).end()));
        }
        for (String[] p : phrases.getOrDefault(w, List.of())) {
          int end = matchRest(words, j + 1, p);
          if (end >= 0) {
            out.add(new Match(phraseNames.get(String.join(" ", p)), words.get(i).start(), words.get(end).end()));
          }
        }
        if (allowFirst.contains(w)) {
          for (String[] a : allow) {
            if (a[0].equals(w)) {
              int end = a.length == 1 ? j : matchRest(words, j + 1, a);
              if (end >= 0) {
                allowed.add(new int[] {words.get(i).start(), words.get(end).end()});
              }
            }
          }
        }
      }
    }
    out.removeIf(m -> allowed.stream().anyMatch(a -> a[0] <= m.start() && m.end() <= a[1]));
    return out;
  }

  /** Whether sub-word {@code j} continues the word of sub-word {@code j - 1}. */
  private static boolean joins(List<Words.Word> words, int j) {
    Words.Word w = words.get(j);
    if (w.gap() != Words.Gap.BREAK) {
      return true;
    }
    // Spaced-out letters: "C l a u d e", "C. L. A. U. D. E".
    return w.text().length() == 1 && words.get(j - 1).text().length() == 1 && w.gapLength() <= 2;
  }

  /** Matches phrase words {@code p[1..]} from sub-word {@code from}; the index of the last sub-word or -1. */
  private static int matchRest(List<Words.Word> words, int from, String[] p) {
    int j = from;
    for (int k = 1; k < p.length; k++) {
      if (j >= words.size()) {
        return -1;
      }
      if (p[k].equals("#")) {
        if (!words.get(j).text().chars().allMatch(Character::isDigit)) {
          return -1;
        }
        j++;
        continue;
      }
      StringBuilder sb = new StringBuilder();
      int start = j;
      while (j < words.size() && sb.length() < p[k].length() && (j == start || joins(words, j))) {
        sb.append(words.get(j).text());
        j++;
      }
      if (!sb.toString().equals(p[k])) {
        return -1;
      }
    }
    return j - 1;
  }
}
