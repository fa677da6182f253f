package dev.quarry.extract.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A later commit that changed lines an earlier kept commit wrote, with nothing in between touching the file:
 * the ground truth for a follow-up turn ("that is not quite right: …") and for a review comment on the first
 * change.
 *
 * @param first the earlier change
 * @param next the later change
 * @param path the file both changed
 * @param lines the lines of the first change's result that the later one changed (1-based inclusive)
 */
record FollowUp(Change first, Change next, String path, int[] lines) {
  /**
   * Pairs each kept change with the first later kept change, within {@code window} commits, that rewrote lines
   * it added, when no commit between them touched that file. Each change is in at most one pair as
   * {@code first} and one as {@code next}.
   *
   * @param commits every walked commit, oldest first
   * @param kept the kept change of each commit index, or absent
   * @param window the largest distance in commits
   */
  static List<FollowUp> find(List<Commit> commits, Map<Integer, Change> kept, int window) {
    Map<String, Integer> lastTouched = new HashMap<>();
    Map<Integer, Boolean> usedFirst = new HashMap<>();
    List<FollowUp> out = new ArrayList<>();
    for (int j = 0; j < commits.size(); j++) {
      Change next = kept.get(j);
      boolean paired = false;
      for (Commit.Change ch : commits.get(j).changes()) {
        Integer i = lastTouched.get(ch.path());
        if (next != null && !paired && i != null && j - i <= window && kept.containsKey(i) && !usedFirst.containsKey(i)) {
          int[] overlap = overlap(kept.get(i).code(ch.path()), next.code(ch.path()));
          if (overlap != null) {
            out.add(new FollowUp(kept.get(i), next, ch.path(), overlap));
            usedFirst.put(i, true);
            paired = true;
          }
        }
      }
      for (Commit.Change ch : commits.get(j).changes()) {
        lastTouched.put(ch.path(), j);
      }
    }
    return out;
  }

  /** The span of the first part's added lines that the second part's hunks rewrote, or null. */
  private static int[] overlap(Change.Part first, Change.Part next) {
    if (first == null || next == null) {
      return null;
    }
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    for (FileDiff.Hunk a : first.diff().hunks()) {
      for (int[] added : a.addedRanges()) {
        for (FileDiff.Hunk b : next.diff().hunks()) {
          int[] removed = removedRange(b);
          if (removed != null && removed[0] <= added[1] && added[0] <= removed[1]) {
            lo = Math.min(lo, Math.max(added[0], removed[0]));
            hi = Math.max(hi, Math.min(added[1], removed[1]));
          }
        }
      }
    }
    return hi == 0 ? null : new int[] {lo, hi};
  }

  /** The old lines a hunk removes or replaces (its changed old lines), or null when it only adds. */
  private static int[] removedRange(FileDiff.Hunk h) {
    int o = h.oldStart();
    int first = 0;
    int last = 0;
    for (String l : h.lines()) {
      if (l.startsWith("-")) {
        first = first == 0 ? o : first;
        last = o;
        o++;
      } else if (!l.startsWith("+")) {
        o++;
      }
    }
    return first == 0 ? null : new int[] {first, last};
  }
}
