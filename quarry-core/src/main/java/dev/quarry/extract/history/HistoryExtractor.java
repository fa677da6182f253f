package dev.quarry.extract.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.Categorizer;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.extract.code.Templates;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.model.RecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code history}: edit, fix, follow-up and review examples from the repository's own commits, read with the
 * {@code git} binary (local commands only, never the network). Walks the first-parent history from HEAD,
 * newest first, at most {@code max_commits} (default 1000) and only after {@code since} when set, then works
 * oldest first; keeps the commits {@link CommitFilter} accepts and reports every other with its reason.
 *
 * <p>Kinds: <b>edit</b> (the goal and the code before → why, the diff, the test the commit changed),
 * <b>fix</b> (the failing behaviour and the code → the cause and the fix, then "add a regression test" → the
 * test, when the commit changed one), <b>follow-up</b> (an edit continued by the later commit that rewrote its
 * lines) and <b>review</b> (a diff → the later commit's comment and change). Commit messages lose their
 * trailers and attribution lines before they become prompts; the build's extraction redactor then removes
 * secrets from every field, old file versions included. Options: {@code bundle} (a git bundle inside the
 * repository to read instead of its work tree), {@code max_commits}, {@code since}, {@code max_files}
 * (default 3), {@code max_diff_lines} (default 200), {@code follow_up_window} (default 20 commits),
 * {@code first_parent} (default true; false walks every non-merge commit, for merge-based histories),
 * {@code max_chars} (default 12000: longer conversations would exceed a 4k-token budget); the
 * common {@code paths}/{@code exclude} filter the changed files. Without git, outside a work tree's top level
 * or in an empty repository it writes nothing and says why in the coverage report.
 */
public final class HistoryExtractor implements Extractor {
  @Override
  public String id() {
    return "history";
  }

  @Override
  public String defaultCategory() {
    return "sdk";
  }

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    try (HistorySource src = HistorySource.open(repo.root(), ctx.settings().option("bundle").orElse(null))) {
      if (!src.problem().isEmpty()) {
        ctx.coverage().skip("(history)", null, SkipReason.NO_HISTORY, src.problem());
      }
      if (src.git() == null) {
        return Stream.empty();
      }
      return examples(repo, ctx, src.git()).stream();
    } catch (GitException e) {
      ctx.coverage().skip("(history)", null, SkipReason.NO_HISTORY, e.getMessage());
      return Stream.empty();
    }
  }

  private List<Example> examples(Repository repo, ExtractContext ctx, Git git) throws GitException {
    int maxCommits = intOption(ctx, "max_commits", 1000);
    List<Commit> commits = new ArrayList<>(CommitLog.read(git, maxCommits,
        ctx.settings().option("since").orElse(null), ctx.settings().options().path("first_parent").asBoolean(true)));
    Collections.reverse(commits);
    Templates templates = Templates.of(ctx);
    Set<String> verbs = new HashSet<>(List.of(templates.get("verbs").pick("").split("\\s+")));
    CommitFilter filter = new CommitFilter(verbs, intOption(ctx, "max_files", 3), intOption(ctx, "max_diff_lines", 200),
        ctx.settings().paths(), ctx.settings().exclude());
    Map<Integer, Change> kept = new TreeMap<>();
    ctx.progress().start("history", commits.size());
    try (Blobs blobs = new Blobs(git)) {
      ChangeReader reader = new ChangeReader(git, blobs);
      for (int i = 0; i < commits.size(); i++) {
        Commit c = commits.get(i);
        ctx.coverage().fileScanned();
        ctx.coverage().candidates(1);
        CommitMessage m = CommitMessage.parse(c.message()).imperative(verbs);
        CommitFilter.Verdict v = filter.check(c, m);
        if (!v.kept()) {
          ctx.coverage().skip(where(c), null, v.reason(), v.detail());
        } else {
          ChangeReader.Read r = reader.read(c, m, v.sources());
          if (r.change() == null) {
            ctx.coverage().skip(where(c), null, r.reason(), r.detail());
          } else {
            kept.put(i, r.change());
          }
        }
        ctx.progress().advance(1);
      }
    } finally {
      ctx.progress().done();
    }
    return emit(repo, ctx, commits, kept, new HistoryExamples(templates), intOption(ctx, "follow_up_window", 20));
  }

  private List<Example> emit(Repository repo, ExtractContext ctx, List<Commit> commits, Map<Integer, Change> kept,
      HistoryExamples kinds, int window) {
    Map<String, FollowUp> byFirst = new HashMap<>();
    FollowUp.find(commits, kept, window).forEach(f -> byFirst.put(f.first().commit().sha(), f));
    List<Example> out = new ArrayList<>();
    for (Change c : kept.values()) {
      FollowUp f = byFirst.get(c.commit().sha());
      if (f != null) {
        add(out, repo, ctx, kinds.review(f), c, "review", f);
      }
      if (f != null && add(out, repo, ctx, kinds.followUp(f), c, "follow-up", f)) {
        continue;
      }
      // Without a follow-up (or when the conversation is too long) the change is taught on its own.
      if (c.isFix()) {
        add(out, repo, ctx, kinds.fix(c), c, "fix", null);
      } else {
        add(out, repo, ctx, kinds.edit(c), c, "edit", null);
      }
    }
    return out;
  }

  /** Adds the example; false when it was skipped (too long, or not a valid record). */
  private boolean add(List<Example> out, Repository repo, ExtractContext ctx, List<Message> messages, Change c,
      String kind, FollowUp f) {
    Change.Part p = f == null ? c.primary() : c.code(f.path());
    StringBuilder text = new StringBuilder();
    messages.forEach(m -> text.append(m.content()).append('\n'));
    int maxChars = intOption(ctx, "max_chars", 12_000);
    if (text.length() > maxChars) {
      ctx.coverage().skip(where(c.commit()), kind, SkipReason.TOO_LONG,
          text.length() + " characters in the conversation (max_chars " + maxChars + ")");
      return false;
    }
    Categorizer.Assignment a = ctx.categorize(p.path(), text.toString(), defaultCategory(), null);
    int[] span = p.diff().newSpan();
    LineRange lines = span == null ? null : new LineRange(span[0], span[1]);
    try {
      Example e = ctx.example(repo, messages, a, p.language(), p.path(), lines, "commit " + c.commit().shortSha(),
          List.of("history", kind));
      ObjectNode meta = e.metaCopy();
      ObjectNode h = meta.putObject("history");
      h.put("kind", kind);
      h.put("commit", c.commit().sha());
      h.put("parent", c.parent());
      ArrayNode paths = h.putArray("paths");
      ObjectNode before = h.putObject("before");
      ObjectNode after = h.putObject("after");
      for (Change.Part part : allParts(c)) {
        paths.add(part.path());
        putSpan(before, part.path(), part.diff().oldSpan());
        putSpan(after, part.path(), part.diff().newSpan());
      }
      if (f != null) {
        h.put("follow_up_commit", f.next().commit().sha());
        h.putArray("follow_up_lines").add(f.lines()[0]).add(f.lines()[1]);
      }
      out.add(e.withMeta(meta));
      return true;
    } catch (RecordException ex) {
      ctx.coverage().skip(where(c.commit()), kind, SkipReason.INCOMPLETE, ex.getMessage());
      return false;
    }
  }

  private static List<Change.Part> allParts(Change c) {
    List<Change.Part> all = new ArrayList<>(c.code());
    all.addAll(c.tests());
    return all;
  }

  private static void putSpan(ObjectNode to, String path, int[] span) {
    if (span != null) {
      to.putArray(path).add(span[0]).add(span[1]);
    }
  }

  private static String where(Commit c) {
    return "commit " + c.sha().substring(0, Math.min(12, c.sha().length()));
  }

  private static int intOption(ExtractContext ctx, String key, int fallback) {
    return ctx.settings().options().path(key).asInt(fallback);
  }
}
