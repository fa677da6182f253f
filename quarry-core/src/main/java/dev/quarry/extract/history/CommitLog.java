package dev.quarry.extract.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the first-parent history from HEAD with one {@code git log} call: newest first, at most
 * {@code maxCommits}, optionally only commits after {@code since}, with per-file line counts.
 */
final class CommitLog {
  private static final char RECORD = '\u001e';
  private static final char FIELD = '\u001f';

  private CommitLog() {}

  /**
   * The commits, newest first.
   *
   * @param git the repository
   * @param maxCommits at most this many (positive)
   * @param since a date git understands ({@code 2024-01-01}), or null for no bound
   * @param firstParent true: the first-parent chain (merges included, to be skipped); false: every non-merge
   *     commit reachable from HEAD, in topological order (for histories made of merged branches)
   */
  static List<Commit> read(Git git, int maxCommits, String since, boolean firstParent) throws GitException {
    List<String> args = new ArrayList<>(List.of("log", firstParent ? "--first-parent" : "--no-merges",
        "--topo-order", "--no-renames", "--numstat",
        "--format=" + RECORD + "%H" + FIELD + "%P" + FIELD + "%an" + FIELD + "%ae" + FIELD + "%B" + FIELD,
        "-n", Integer.toString(maxCommits)));
    if (since != null && !since.isBlank()) {
      args.add("--since=" + since);
    }
    args.add("HEAD");
    args.add("--");
    return parse(git.out(args.toArray(String[]::new)));
  }

  /** Parses the output of {@link #read}'s command. */
  static List<Commit> parse(String out) {
    List<Commit> commits = new ArrayList<>();
    for (String rec : out.split(String.valueOf(RECORD))) {
      if (rec.isBlank()) {
        continue;
      }
      String[] f = rec.split(String.valueOf(FIELD), -1);
      if (f.length < 6) {
        continue;
      }
      List<String> parents = f[1].isBlank() ? List.of() : List.of(f[1].trim().split(" "));
      List<Commit.Change> changes = new ArrayList<>();
      for (String line : f[5].split("\n")) {
        String[] c = line.split("\t", 3);
        if (c.length == 3) {
          boolean binary = c[0].equals("-");
          changes.add(new Commit.Change(c[2], binary ? 0 : Integer.parseInt(c[0]), binary ? 0 : Integer.parseInt(c[1]),
              binary));
        }
      }
      commits.add(new Commit(f[0].trim(), parents, f[2], f[3], f[4].strip(), changes));
    }
    return commits;
  }
}
