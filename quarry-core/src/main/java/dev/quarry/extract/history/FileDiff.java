package dev.quarry.extract.history;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unified diff of one file in one commit, parsed into hunks with their line ranges before and after.
 *
 * @param path the file's path after the change ({@code /dev/null} sides resolved to the real path)
 * @param created whether the file is new in this commit
 * @param deleted whether the commit deletes it
 * @param hunks the hunks, in file order
 */
record FileDiff(String path, boolean created, boolean deleted, List<Hunk> hunks) {
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

  /** Copies the list. */
  FileDiff {
    hunks = List.copyOf(hunks);
  }

  /**
   * One hunk.
   *
   * @param oldStart first line before (1-based; 0 when the old side is empty)
   * @param oldCount lines before
   * @param newStart first line after
   * @param newCount lines after
   * @param lines the hunk's body lines, each starting with {@code ' '}, {@code '-'} or {@code '+'}
   */
  record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<String> lines) {
    /** Copies the list. */
    Hunk {
      lines = List.copyOf(lines);
    }

    /** The lines this hunk adds, as ranges of the new file (1-based inclusive pairs, merged). */
    List<int[]> addedRanges() {
      List<int[]> out = new ArrayList<>();
      int n = newStart;
      for (String l : lines) {
        if (l.startsWith("+")) {
          if (!out.isEmpty() && out.get(out.size() - 1)[1] == n - 1) {
            out.get(out.size() - 1)[1] = n;
          } else {
            out.add(new int[] {n, n});
          }
          n++;
        } else if (!l.startsWith("-")) {
          n++;
        }
      }
      return out;
    }
  }

  /** Lines added plus lines removed. */
  int changedLines() {
    int n = 0;
    for (Hunk h : hunks) {
      for (String l : h.lines()) {
        if (l.startsWith("+") || l.startsWith("-")) {
          n++;
        }
      }
    }
    return n;
  }

  /** Whether the change only re-flows whitespace: the removed and added lines are equal once spaces are dropped. */
  boolean whitespaceOnly() {
    StringBuilder removed = new StringBuilder();
    StringBuilder added = new StringBuilder();
    for (Hunk h : hunks) {
      for (String l : h.lines()) {
        if (l.startsWith("-")) {
          removed.append(l.substring(1).replaceAll("\\s+", ""));
        } else if (l.startsWith("+")) {
          added.append(l.substring(1).replaceAll("\\s+", ""));
        }
      }
    }
    return !hunks.isEmpty() && removed.toString().equals(added.toString());
  }

  /** The diff as text: {@code --- a/…}, {@code +++ b/…} and the hunks. */
  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(created ? "/dev/null" : "a/" + path).append('\n');
    sb.append("+++ ").append(deleted ? "/dev/null" : "b/" + path).append('\n');
    for (Hunk h : hunks) {
      sb.append("@@ -").append(h.oldStart()).append(',').append(h.oldCount())
          .append(" +").append(h.newStart()).append(',').append(h.newCount()).append(" @@\n");
      h.lines().forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString().stripTrailing();
  }

  /**
   * The old lines the hunks change (removed lines, or the lines around an insertion), without the context
   * lines, or null when the file is new.
   */
  int[] oldChanged() {
    int first = Integer.MAX_VALUE;
    int last = 0;
    for (Hunk h : hunks) {
      int o = h.oldStart();
      for (String l : h.lines()) {
        if (l.startsWith("-")) {
          first = Math.min(first, o);
          last = Math.max(last, o);
          o++;
        } else if (l.startsWith("+")) {
          first = Math.min(first, Math.max(1, o - 1));
          last = Math.max(last, Math.max(1, o - 1));
        } else {
          o++;
        }
      }
    }
    return last == 0 ? null : new int[] {first, last};
  }

  /** The range of old lines the hunks cover, or null when the file is new. */
  int[] oldSpan() {
    return span(true);
  }

  /** The range of new lines the hunks cover, or null when the file is deleted. */
  int[] newSpan() {
    return span(false);
  }

  private int[] span(boolean old) {
    int first = Integer.MAX_VALUE;
    int last = 0;
    for (Hunk h : hunks) {
      int s = old ? h.oldStart() : h.newStart();
      int c = old ? h.oldCount() : h.newCount();
      if (c > 0) {
        first = Math.min(first, s);
        last = Math.max(last, s + c - 1);
      }
    }
    return last == 0 ? null : new int[] {first, last};
  }

  /** Parses the output of {@code git show --format= -p}, one entry per file, in output order. */
  static List<FileDiff> parse(String out) {
    List<FileDiff> files = new ArrayList<>();
    String[] lines = out.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith("diff --git ")) {
        i++;
        continue;
      }
      String oldPath = null;
      String newPath = null;
      i++;
      while (i < lines.length && !lines[i].startsWith("@@") && !lines[i].startsWith("diff --git ")) {
        if (lines[i].startsWith("--- ")) {
          oldPath = side(lines[i].substring(4));
        } else if (lines[i].startsWith("+++ ")) {
          newPath = side(lines[i].substring(4));
        }
        i++;
      }
      List<Hunk> hunks = new ArrayList<>();
      while (i < lines.length && lines[i].startsWith("@@")) {
        Matcher m = HUNK.matcher(lines[i]);
        i++;
        if (!m.matches()) {
          break;
        }
        int oc = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int nc = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        List<String> body = new ArrayList<>();
        int o = 0;
        int n = 0;
        while (i < lines.length && (o < oc || n < nc || lines[i].startsWith("\\"))) {
          String l = lines[i++];
          if (l.startsWith("\\")) {
            continue;
          }
          if (l.startsWith("-")) {
            o++;
          } else if (l.startsWith("+")) {
            n++;
          } else {
            o++;
            n++;
            l = l.isEmpty() ? " " : l;
          }
          body.add(l);
        }
        hunks.add(new Hunk(Integer.parseInt(m.group(1)), oc, Integer.parseInt(m.group(3)), nc, body));
      }
      if (oldPath != null || newPath != null) {
        String path = newPath != null ? newPath : oldPath;
        files.add(new FileDiff(path, oldPath == null, newPath == null, hunks));
      }
    }
    return files;
  }

  /** {@code a/x} → {@code x}; {@code /dev/null} → null. */
  private static String side(String s) {
    String t = s.strip();
    if (t.equals("/dev/null")) {
      return null;
    }
    return t.length() > 2 && (t.startsWith("a/") || t.startsWith("b/")) ? t.substring(2) : t;
  }
}
