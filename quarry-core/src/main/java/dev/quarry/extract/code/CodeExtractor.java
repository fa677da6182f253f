package dev.quarry.extract.code;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import dev.quarry.model.Message;
import dev.quarry.syntax.Grammar;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The common machinery of the syntax-aware extractors: selects files by glob, reads and parses them one at a
 * time (the tree of a file is released before the next is parsed, so memory does not grow with the repository),
 * applies size limits, reports every skip, and turns each candidate's {@link Draft} into an example with
 * provenance. Subclasses say which files they read, what the candidates of a file are, and what to write.
 */
public abstract class CodeExtractor implements Extractor {
  /** Test files, excluded by default from every extractor but {@code tests}. */
  public static final List<String> TEST_FILES = List.of("**/test_*.py", "**/*_test.py", "**/tests/**",
      "**/test/**", "**/__tests__/**", "**/*.test.*", "**/*.test-d.*", "**/*.spec.*", "**/src/test/**", "**/conftest.py");

  /** Globs of the files read when the configuration gives no {@code paths}. */
  protected abstract List<String> defaultPaths();

  /** Globs excluded in addition to the configured {@code exclude}. */
  protected List<String> defaultExclude() {
    return TEST_FILES;
  }

  /** The grammars this extractor understands; other files are not read. */
  protected abstract Set<Grammar> grammars();

  /** The default {@code min_lines}. */
  protected int defaultMinLines() {
    return 2;
  }

  /** Whether a file without candidates is reported (for extractors whose files should all have some). */
  protected boolean reportsEmptyFiles() {
    return false;
  }

  /** A pre-pass over the selected files (e.g. to find where routers are mounted). Default: none. */
  protected void prepare(List<RepoFile> files, CodeRun run) {}

  /**
   * Whether this is a general-purpose extractor whose examples give way to those of a more specific one that
   * mined intersecting lines of the same file (a route handler is a route, not also a function). When the code
   * extractors share a pass, yielding ones run after the others on each file and skip such candidates as
   * {@link dev.quarry.extract.SkipReason#MINED_ELSEWHERE}. False by default.
   */
  public boolean yieldsSpans() {
    return false;
  }

  /** The candidates of one parsed file, in document order. */
  protected abstract List<Candidate<?>> candidates(CodeFile file, CodeRun run);

  /**
   * The conversation for a candidate that passed the size limits; empty after reporting a skip through
   * {@code run} when the candidate lacks what the example needs.
   */
  protected abstract Optional<Draft> draft(CodeFile file, Candidate<?> candidate, CodeRun run);

  /**
   * A prepared run of this extractor over a repository: the files it reads, in path order, and its state.
   *
   * @param files the files, sorted by path
   * @param run the run's state (repository, context, limits, modules)
   */
  public record Plan(List<RepoFile> files, CodeRun run) {}

  /**
   * Where the syntax tree of a file comes from: parsed for this extractor alone, or shared by every code
   * extractor reading the same file (see {@code ExtractStage}).
   */
  public interface Parses {
    /** The parsed file; {@code text} is its content as read. */
    CodeFile parse(RepoFile file, Grammar grammar, String text);

    /** The extractor is done with {@code file}. */
    void release(CodeFile file);
  }

  /** Each call parses anew and each release frees the tree. */
  public static final Parses OWN = new Parses() {
    @Override
    public CodeFile parse(RepoFile file, Grammar grammar, String text) {
      return CodeFile.parse(file, grammar, text);
    }

    @Override
    public void release(CodeFile file) {
      file.close();
    }
  };

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    Plan plan = plan(repo, ctx);
    ctx.progress().start(id(), plan.files().size());
    return plan.files().stream().flatMap(f -> {
      List<Example> out = process(f, plan, OWN);
      ctx.progress().advance(1);
      return out.stream();
    }).onClose(ctx.progress()::done);
  }

  /** Selects the files this extractor reads and prepares its state; records walk skips in its coverage. */
  public Plan plan(Repository repo, ExtractContext ctx) {
    List<String> paths = ctx.settings().paths().isEmpty() ? defaultPaths() : ctx.settings().paths();
    List<String> exclude = new ArrayList<>(ctx.settings().exclude());
    if (ctx.settings().paths().isEmpty()) {
      exclude.addAll(defaultExclude());
    }
    Set<Grammar> mine = grammars();
    List<RepoFile> files = repo.files(paths, exclude).stream()
        .filter(f -> Grammar.forPath(f.path()).filter(mine::contains).isPresent())
        .toList();
    CodeRun run = new CodeRun(repo, ctx, Limits.of(ctx.settings(), defaultMinLines()), new Modules(repo),
        Templates.of(ctx));
    prepare(files, run);
    return new Plan(files, run);
  }

  /** The examples of one file of {@code plan}, in candidate order; every skip is recorded. */
  public List<Example> process(RepoFile f, Plan plan, Parses parses) {
    CodeRun run = plan.run();
    ExtractContext ctx = run.ctx();
    ctx.coverage().fileScanned();
    Optional<String> text = read(f, run);
    if (text.isEmpty()) {
      return List.of();
    }
    List<Example> out = new ArrayList<>();
    CodeFile file = parses.parse(f, Grammar.forPath(f.path()).orElseThrow(), text.get());
    try {
      List<Candidate<?>> found = candidates(file, run);
      ctx.coverage().candidates(found.size());
      if (found.isEmpty() && reportsEmptyFiles()) {
        run.skip(f, SkipReason.NO_CANDIDATES, "no " + id() + " found");
      }
      for (Candidate<?> c : found) {
        example(file, c, run).ifPresent(out::add);
      }
    } finally {
      parses.release(file);
    }
    return out;
  }

  private Optional<String> read(RepoFile f, CodeRun run) {
    if (f.size() > run.limits().maxFileBytes()) {
      run.skip(f, SkipReason.TOO_LONG, f.size() + " bytes > max_file_bytes " + run.limits().maxFileBytes());
      return Optional.empty();
    }
    String text;
    try {
      text = run.repo().read(f);
    } catch (CharacterCodingException e) {
      run.skip(f, SkipReason.BINARY, "not UTF-8 text");
      return Optional.empty();
    } catch (IOException e) {
      run.skip(f, SkipReason.UNREADABLE, String.valueOf(e.getMessage()));
      return Optional.empty();
    }
    Optional<String> generated = GeneratedCode.why(text);
    if (generated.isPresent()) {
      run.skip(f, SkipReason.GENERATED, generated.get());
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private Optional<Example> example(CodeFile file, Candidate<?> c, CodeRun run) {
    LineRange lines = file.tree().lines(c.first(), c.last());
    int n = lines.last() - lines.first() + 1;
    if (hasError(c)) {
      run.skip(file.path(), c.symbol(), SkipReason.PARSE_ERROR,
          "syntax error at line " + file.tree().firstErrorLine().orElse(lines.first()));
      return Optional.empty();
    }
    if (n > run.limits().maxLines()) {
      run.skip(file.path(), c.symbol(), SkipReason.TOO_LONG, n + " lines > max_lines " + run.limits().maxLines());
      return Optional.empty();
    }
    if (n < run.limits().minLines()) {
      run.skip(file.path(), c.symbol(), SkipReason.TOO_SHORT, n + " lines < min_lines " + run.limits().minLines());
      return Optional.empty();
    }
    return draft(file, c, run).map(d -> {
      Example e = d.followUps().isEmpty()
          ? run.ctx().example(run.repo(), d.user(), d.assistant(), d.language(), file.path(), lines, c.symbol(),
              defaultCategory(), d.tags())
          : run.ctx().example(run.repo(), conversation(d),
              run.ctx().categorize(file.path(), d.user() + "\n" + d.assistant(), defaultCategory(), null),
              d.language(), file.path(), lines, c.symbol(), d.tags());
      if (d.meta().isEmpty()) {
        return e;
      }
      ObjectNode meta = e.metaCopy();
      for (Map.Entry<String, String> m : d.meta().entrySet()) {
        meta.put(m.getKey(), m.getValue());
      }
      return e.withMeta(meta);
    });
  }

  private static List<Message> conversation(Draft d) {
    List<Message> all = new ArrayList<>(List.of(Message.user(d.user()), Message.assistant(d.assistant())));
    all.addAll(d.followUps());
    return all;
  }

  private static boolean hasError(Candidate<?> c) {
    return c.first().hasError() || c.last().hasError();
  }
}
