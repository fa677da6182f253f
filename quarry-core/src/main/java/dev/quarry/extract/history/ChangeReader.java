package dev.quarry.extract.history;

import dev.quarry.extract.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a kept commit changed: its diff ({@code git show}, three lines of context, Myers, no renames, no
 * external diff or text conversion) and, from the file versions before and after, the whole top-level
 * definitions around each change. Refuses formatting-only changes.
 */
final class ChangeReader {
  /** The longest slice of a file shown in a prompt or answer, in lines. */
  static final int MAX_SHOWN_LINES = 80;
  /** The longest created file shown whole instead of as a diff, in lines. */
  static final int MAX_CREATED_LINES = 150;
  private static final Pattern DEFINITION = Pattern.compile("^(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?"
      + "(?:def|class|function\\*?|interface|type|const|let|var|func|fn|pub fn|public|private|protected)\\s+"
      + "(?:[\\w<>\\[\\], ]+\\s+)?([A-Za-z_$][\\w$]*)");

  /**
   * The result: a change, or why the commit could not be used.
   *
   * @param change the change, or null
   * @param reason the skip reason, or null
   * @param detail the skip detail
   */
  record Read(Change change, SkipReason reason, String detail) {}

  private final Git git;
  private final Blobs blobs;

  ChangeReader(Git git, Blobs blobs) {
    this.git = git;
    this.blobs = blobs;
  }

  /** Reads commit {@code c}, whose kept source files are {@code sources}. */
  Read read(Commit c, CommitMessage m, List<Commit.Change> sources) throws GitException {
    List<String> args = new ArrayList<>(List.of("show", "--format=", "--no-renames", "--no-ext-diff", "--no-textconv",
        "--diff-algorithm=myers", "-U3", c.sha(), "--"));
    sources.forEach(s -> args.add(s.path()));
    List<FileDiff> diffs = FileDiff.parse(git.out(args.toArray(String[]::new)));
    if (diffs.isEmpty()) {
      return new Read(null, SkipReason.INCOMPLETE, "git show gave no textual diff");
    }
    if (diffs.stream().allMatch(FileDiff::whitespaceOnly)) {
      return new Read(null, SkipReason.FORMATTING_ONLY, "only whitespace changes");
    }
    List<Change.Part> code = new ArrayList<>();
    List<Change.Part> tests = new ArrayList<>();
    for (FileDiff d : diffs) {
      if (d.deleted() || d.hunks().isEmpty()) {
        continue;
      }
      boolean test = SourceFiles.isTest(d.path());
      String language = SourceFiles.language(d.path()).orElse("text");
      (test ? tests : code).add(test ? after(c, d, language) : before(c, d, language));
    }
    if (code.isEmpty() && tests.isEmpty()) {
      return new Read(null, SkipReason.NO_CANDIDATES, "the commit only deletes files");
    }
    if (code.isEmpty()) {
      for (FileDiff d : diffs) {
        if (!d.deleted() && !d.hunks().isEmpty()) {
          code.add(before(c, d, SourceFiles.language(d.path()).orElse("text")));
        }
      }
      tests = List.of();
    }
    return new Read(new Change(c, m, code, tests), null, "");
  }

  /** A code file: the definitions around the change, before it. */
  private Change.Part before(Commit c, FileDiff d, String language) throws GitException {
    int[] span = d.oldChanged();
    if (d.created() || span == null) {
      Optional<String> now = blobs.read(c.sha(), d.path());
      String whole = now.filter(t -> d.created() && t.split("\n", -1).length <= MAX_CREATED_LINES + 1)
          .map(String::stripTrailing).orElse(null);
      return new Change.Part(d, language, null, null, now.map(t -> definitions(t, d, false)).orElse(List.of()),
          whole);
    }
    Optional<String> old = blobs.read(c.parents().get(0), d.path());
    if (old.isEmpty()) {
      return new Change.Part(d, language, null, null, List.of(), null);
    }
    int[] lines = Enclosing.of(old.get(), span[0], span[1], MAX_SHOWN_LINES);
    return new Change.Part(d, language, lines, Enclosing.slice(old.get(), lines), definitions(old.get(), d, true),
        null);
  }

  /** A test file: the definitions the change added or changed, after it; null text when too long. */
  private Change.Part after(Commit c, FileDiff d, String language) throws GitException {
    Optional<String> now = blobs.read(c.sha(), d.path());
    int[] span = d.newSpan();
    if (now.isEmpty() || span == null) {
      return new Change.Part(d, language, null, null, List.of(), null);
    }
    int[] added = addedSpan(d);
    int[] around = added == null ? span : added;
    int[] lines = Enclosing.of(now.get(), around[0], around[1], Integer.MAX_VALUE);
    boolean whole = lines[1] - lines[0] + 1 <= MAX_SHOWN_LINES;
    return new Change.Part(d, language, lines, whole ? Enclosing.slice(now.get(), lines) : null,
        definitions(now.get(), d, false), null);
  }

  private static int[] addedSpan(FileDiff d) {
    int first = Integer.MAX_VALUE;
    int last = 0;
    for (FileDiff.Hunk h : d.hunks()) {
      for (int[] r : h.addedRanges()) {
        first = Math.min(first, r[0]);
        last = Math.max(last, r[1]);
      }
    }
    return last == 0 ? null : new int[] {first, last};
  }

  /** The names of the top-level definitions each hunk falls in, first seen first. */
  private static List<String> definitions(String text, FileDiff d, boolean old) {
    Set<String> names = new LinkedHashSet<>();
    String[] lines = text.split("\n", -1);
    for (FileDiff.Hunk h : d.hunks()) {
      int start = old ? h.oldStart() : h.newStart();
      int count = old ? h.oldCount() : h.newCount();
      if (count == 0) {
        continue;
      }
      int a = start + Math.min(3, count - 1);
      int[] r = Enclosing.of(text, a, Math.max(a, start + count - 4), Integer.MAX_VALUE);
      for (int i = r[0]; i <= r[1] && i <= lines.length; i++) {
        Matcher m = DEFINITION.matcher(lines[i - 1]);
        if (m.find()) {
          names.add(m.group(1));
          break;
        }
        if (!lines[i - 1].startsWith("@") && !lines[i - 1].startsWith("#") && !lines[i - 1].isBlank()) {
          break;
        }
      }
    }
    return List.copyOf(names);
  }
}
