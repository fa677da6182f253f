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
 * letters also join across spacers ({@code C l a u d e}, {@code C - l - a - u - d - e}, {@code C.L.A.U.D.E});
 * longer parts join across one space when one of them is capitalised ({@code Open AI}, {@code Deep Seek}) for
 * one-word terms only. A word that mixes letters and digits also matches by its leetspeak skeleton
 * ({@code C1aude}, {@code 0penAI}, {@code G3mini}: see {@link #skeleton}). A phrase ({@code gemini pro}) matches
 * its words in sequence across any separation; the word {@code #} stands for a number written after a space, a
 * joiner or nothing ({@code Phi-3}, not {@code phi(12)}), {@code -#} for one joined without a space
 * ({@code gemini-2}), {@code #.#} for a decimal one ({@code Gemini 1.5}, not NASA's {@code Gemini 4}). Occurrences inside an allowed phrase are dropped. Immutable and thread-safe.
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
  private final Map<String, String> leetSingle = new HashMap<>();
  private final Map<String, String> leetFirst = new HashMap<>();
  private final Map<String, List<String[]>> phrases = new HashMap<>();
  private final Map<String, String> phraseNames = new HashMap<>();
  private final List<String[]> allow = new ArrayList<>();
  private final Set<String> allowFirst = new HashSet<>();
  private final Set<String> allowFirstLeet = new HashSet<>();
  private int longest;

  TermMatcher(List<String> terms, List<String> allowed) {
    for (String t : terms) {
      String[] words = key(t);
      if (words.length == 0) {
        continue;
      }
      if (words.length == 1) {
        single.putIfAbsent(words[0], t);
        leetSingle.putIfAbsent(skeleton(words[0]), t);
      } else {
        phrases.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        phraseNames.putIfAbsent(String.join(" ", words), t);
        leetFirst.putIfAbsent(skeleton(words[0]), words[0]);
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
        allowFirstLeet.add(skeleton(words[0]));
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
      if (numberSlot(w)) {
        out.add(w);
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

  /** Every occurrence of a term in {@code words}, in order of their first sub-word; overlaps included. */
  List<Match> find(List<Words.Word> words) {
    List<int[]> allowed = new ArrayList<>();
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0 && letterSpaced(words, i)) {
        // Inside a run of spaced-out letters: a term starts where the run starts ("G P T Q" is not "GPT").
        continue;
      }
      StringBuilder sb = new StringBuilder();
      boolean bySpace = false;
      boolean capital = words.get(i).capital();
      for (int j = i; j < words.size() && j - i < MAX_PARTS; j++) {
        if (j > i && !joins(words, j)) {
          if (!spaceJoins(words, j)) {
            break;
          }
          bySpace = true;
        }
        capital |= words.get(j).capital();
        sb.append(words.get(j).text());
        if (sb.length() > longest) {
          break;
        }
        String w = sb.toString();
        if (j + 1 < words.size() && letterSpaced(words, j + 1)) {
          continue;
        }
        if (bySpace) {
          String t = capital ? single.get(w) : null;
          if (t != null) {
            out.add(new Match(t, words.get(i).start(), words.get(j).end()));
          }
          // A spaced word is still the ordinary word it spells ("the MBR di sk to GPT" is "disk to GPT").
          allowed(words, i, j, w, allowed);
          continue;
        }
        String t = single.get(w);
        String first = w;
        if (t == null && mixed(w)) {
          String k = skeleton(w);
          t = leetSingle.get(k);
          first = leetFirst.getOrDefault(k, w);
        }
        if (t != null) {
          out.add(new Match(t, words.get(i).start(), words.get(j).end()));
        }
        for (String[] p : phrases.getOrDefault(first, List.of())) {
          int end = matchRest(words, j + 1, p, false);
          if (end >= 0) {
            out.add(new Match(phraseNames.get(String.join(" ", p)), words.get(i).start(), words.get(end).end()));
          }
        }
        allowed(words, i, j, w, allowed);
      }
    }
    out.removeIf(m -> allowed.stream().anyMatch(a -> a[0] <= m.start() && m.end() <= a[1]));
    return out;
  }

  /** Adds the span of every allowed phrase whose first word is {@code w} (sub-words {@code i..j}) to {@code out}. */
  private void allowed(List<Words.Word> words, int i, int j, String w, List<int[]> out) {
    String leetW = mixed(w) ? skeleton(w) : null;
    if (!allowFirst.contains(w) && (leetW == null || !allowFirstLeet.contains(leetW))) {
      return;
    }
    for (String[] a : allow) {
      if (a[0].equals(w) || (leetW != null && skeleton(a[0]).equals(leetW))) {
        int end = a.length == 1 ? j : matchRest(words, j + 1, a, true);
        if (end >= 0) {
          out.add(new int[] {words.get(i).start(), words.get(end).end()});
        }
      }
    }
  }

  /**
   * The leetspeak skeleton of a word: digits read as the letters they imitate and the letters they are
   * confused with merged ({@code 0}/{@code o}, {@code 1}/{@code l}/{@code i}, {@code 3}/{@code e},
   * {@code 4}/{@code a}, {@code 5}/{@code s}, {@code 7}/{@code t}, {@code 8}/{@code b}, {@code 9}/{@code g}).
   */
  static String skeleton(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      sb.append(switch (c) {
        case '0' -> 'o';
        case '1', 'i' -> 'l';
        case '3' -> 'e';
        case '4' -> 'a';
        case '5' -> 's';
        case '7' -> 't';
        case '8' -> 'b';
        case '9' -> 'g';
        default -> c;
      });
    }
    return sb.toString();
  }

  /** Whether {@code w} has both letters and digits, at least four characters: a leetspeak candidate. */
  private static boolean mixed(String w) {
    if (w.length() < 4) {
      return false;
    }
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < w.length(); i++) {
      digit |= Character.isDigit(w.charAt(i));
      letter |= Character.isLetter(w.charAt(i));
    }
    return digit && letter;
  }

  /** Whether parts of two or more letters join across one space ({@code Open AI}). */
  private static boolean spaceJoins(List<Words.Word> words, int j) {
    Words.Word w = words.get(j);
    return w.singleSpace() && w.text().length() >= 2 && words.get(j - 1).text().length() >= 2
        && !Character.isDigit(w.text().charAt(0));
  }

  /** Whether sub-word {@code j} continues a run of spaced-out single letters ({@code C l a u d e}). */
  private static boolean letterSpaced(List<Words.Word> words, int j) {
    return words.get(j).gap() == Words.Gap.BREAK && joins(words, j);
  }

  /** Whether sub-word {@code j} continues the word of sub-word {@code j - 1}. */
  private static boolean joins(List<Words.Word> words, int j) {
    Words.Word w = words.get(j);
    if (w.gap() != Words.Gap.BREAK) {
      return true;
    }
    // Spaced-out letters: "C l a u d e", "C. L. A. U. D. E", "C - l - a - u - d - e".
    Words.Word prev = words.get(j - 1);
    // The letter before must stand alone too: in "partitio<b>n</b> T" the n ends a word, it starts no run.
    boolean alone = j == 1 || prev.gap() == Words.Gap.BREAK;
    return w.text().length() == 1 && prev.text().length() == 1 && alone && w.gapLength() <= 3 && w.spaced();
  }

  /** {@code #} a number after a space or joiner, {@code -#} one joined ({@code gemini-2}), {@code #.#} a decimal. */
  private static boolean numberSlot(String w) {
    return w.equals("#") || w.equals("#.#") || w.equals("-#");
  }

  private static boolean number(Words.Word w) {
    return w.text().chars().allMatch(Character::isDigit);
  }

  /**
   * Matches phrase words {@code p[1..]} from sub-word {@code from}; the index of the last sub-word or -1. With
   * {@code lenient} (allowed phrases, which only ever drop findings) a word may also continue across a space
   * while it still spells the phrase word ({@code princi ple}).
   */
  private static int matchRest(List<Words.Word> words, int from, String[] p, boolean lenient) {
    int j = from;
    for (int k = 1; k < p.length; k++) {
      if (j >= words.size()) {
        return -1;
      }
      if (numberSlot(p[k])) {
        Words.Word w = words.get(j);
        if (!number(w) || (p[k].equals("#") && w.gap() == Words.Gap.BREAK && !w.spaced())
            || (p[k].equals("-#") && w.gap() == Words.Gap.BREAK)) {
          return -1;
        }
        j++;
        if (p[k].equals("#.#")) {
          if (j >= words.size() || !number(words.get(j)) || words.get(j).gap() != Words.Gap.JOINER) {
            return -1;
          }
          j++;
        }
        continue;
      }
      StringBuilder sb = new StringBuilder();
      int start = j;
      while (j < words.size() && sb.length() < p[k].length() && (j == start || joins(words, j)
          || (lenient && words.get(j).spaced() && p[k].startsWith(sb + words.get(j).text())))) {
        sb.append(words.get(j).text());
        j++;
      }
      String got = sb.toString();
      if (!got.equals(p[k]) && !(mixed(got) && skeleton(got).equals(skeleton(p[k])))) {
        return -1;
      }
    }
    return j - 1;
  }
}
