package dev.quarry.extract.history;

import dev.quarry.extract.Glob;
import dev.quarry.extract.SkipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which commits become examples, CommitPackFT-style: not a merge, revert or bot commit; a subject
 * that starts with an imperative verb and is neither a chore ("update readme", "bump version") nor a bare
 * issue number; 1 to {@code maxFiles} hand-written source files changed (tests included), bounded in lines.
 * Every refusal carries a stable reason and a detail that never quotes the message (which may hold a secret).
 */
final class CommitFilter {
  private static final Pattern BOT = Pattern.compile("(?i)(\\[bot\\]|dependabot|renovate|pre-commit-ci|github-actions"
      + "|greenkeeper|snyk-bot|allcontributors)");
  private static final Pattern BUMP = Pattern.compile("(?i)^(bump|release|prepare release|update (the )?"
      + "(readme|changelog|changes|docs|copyright|version|dependencies|requirements|deps))\\b");
  private static final int MIN_WORDS = 3;
  private static final int MAX_SUBJECT = 120;

  /**
   * The outcome for one commit: the source files to use, or the reason it was skipped.
   *
   * @param reason null when kept
   * @param detail why, without quoting the message
   * @param sources the kept commit's source files (tests included), in path order
   */
  record Verdict(SkipReason reason, String detail, List<Commit.Change> sources) {
    static Verdict skip(SkipReason reason, String detail) {
      return new Verdict(reason, detail, List.of());
    }

    boolean kept() {
      return reason == null;
    }
  }

  private final Set<String> verbs;
  private final int maxFiles;
  private final int maxLines;
  private final List<Glob> paths;
  private final List<Glob> exclude;

  CommitFilter(Set<String> verbs, int maxFiles, int maxLines, List<String> paths, List<String> exclude) {
    this.verbs = Set.copyOf(verbs);
    this.maxFiles = maxFiles;
    this.maxLines = maxLines;
    this.paths = paths.stream().map(Glob::of).toList();
    this.exclude = exclude.stream().map(Glob::of).toList();
  }

  /** The verdict on {@code c} with its cleaned message {@code m}. */
  Verdict check(Commit c, CommitMessage m) {
    if (c.parents().size() > 1) {
      return Verdict.skip(SkipReason.MERGE_COMMIT, c.parents().size() + " parents");
    }
    if (c.parents().isEmpty()) {
      return Verdict.skip(SkipReason.NO_HISTORY, "root commit or shallow-clone boundary: no parent to diff against");
    }
    if (m.verb().equals("revert") || c.message().startsWith("Revert ")) {
      return Verdict.skip(SkipReason.REVERT, "reverts an earlier commit");
    }
    if (BOT.matcher(c.author()).find() || BOT.matcher(c.email()).find()) {
      return Verdict.skip(SkipReason.BOT, "authored by a bot account");
    }
    Optional<String> subjectProblem = subjectProblem(m);
    if (subjectProblem.isPresent()) {
      return Verdict.skip(SkipReason.NOT_AN_INSTRUCTION, subjectProblem.get());
    }
    List<Commit.Change> sources = new ArrayList<>();
    String machine = null;
    int lines = 0;
    for (Commit.Change ch : c.changes()) {
      if (!exclude.isEmpty() && exclude.stream().anyMatch(g -> g.matches(ch.path()))) {
        continue;
      }
      Optional<String> made = SourceFiles.machineMade(ch.path());
      if (made.isPresent()) {
        machine = made.get();
        continue;
      }
      if (ch.binary() || SourceFiles.language(ch.path()).isEmpty()) {
        continue;
      }
      if (!paths.isEmpty() && paths.stream().noneMatch(g -> g.matches(ch.path()))) {
        continue;
      }
      sources.add(ch);
      lines += ch.added() + ch.deleted();
    }
    if (sources.isEmpty()) {
      if (machine != null) {
        return Verdict.skip(machine.equals("generated") ? SkipReason.GENERATED : SkipReason.VENDORED,
            "changes only " + machine + " files");
      }
      return Verdict.skip(SkipReason.NO_CANDIDATES, paths.isEmpty() ? "no source file changed"
          : "no changed source file matches extractors.history.paths");
    }
    if (sources.size() > maxFiles) {
      return Verdict.skip(SkipReason.TOO_LONG, sources.size() + " source files changed (max_files " + maxFiles + ")");
    }
    if (lines > maxLines) {
      return Verdict.skip(SkipReason.TOO_LONG, lines + " lines changed (max_diff_lines " + maxLines + ")");
    }
    return new Verdict(null, "", sources);
  }

  private Optional<String> subjectProblem(CommitMessage m) {
    if (m.words() < MIN_WORDS) {
      return Optional.of("subject has fewer than " + MIN_WORDS + " words");
    }
    if (m.subject().length() > MAX_SUBJECT) {
      return Optional.of("subject longer than " + MAX_SUBJECT + " characters");
    }
    if (BUMP.matcher(m.subject()).find()) {
      return Optional.of("a chore (release, version bump, readme or changelog update)");
    }
    if (!verbs.contains(m.verb())) {
      return Optional.of("subject does not start with an imperative verb");
    }
    String lower = m.subject().toLowerCase(Locale.ROOT);
    if (lower.matches("^\\S+\\s+(#|gh-)?\\d+\\s*$")) {
      return Optional.of("subject is a bare issue number");
    }
    return Optional.empty();
  }
}
