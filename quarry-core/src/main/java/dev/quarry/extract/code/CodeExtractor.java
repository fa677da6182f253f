package dev.quarry.extract.code;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.Extractor;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
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
      "**/test/**", "**/__tests__/**", "**/*.test.*", "**/*.spec.*", "**/src/test/**", "**/conftest.py");

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

  /** The candidates of one parsed file, in document order. */
  protected abstract List<Candidate<?>> candidates(CodeFile file, CodeRun run);

  /**
   * The conversation for a candidate that passed the size limits; empty after reporting a skip through
   * {@code run} when the candidate lacks what the example needs.
   */
  protected abstract Optional<Draft> draft(CodeFile file, Candidate<?> candidate, CodeRun run);

  @Override
  public Stream<Example> extract(Repository repo, ExtractContext ctx) {
    List<String> paths = ctx.settings().paths().isEmpty() ? defaultPaths() : ctx.settings().paths();
    List<String> exclude = new ArrayList<>(ctx.settings().exclude());
    if (ctx.settings().paths().isEmpty()) {
      exclude.addAll(defaultExclude());
    }
    Set<Grammar> mine = grammars();
    List<RepoFile> files = repo.files(paths, exclude).stream()
        .filter(f -> Grammar.forPath(f.path()).filter(mine::contains).isPresent())
        .toList();
    CodeRun run = new CodeRun(repo, ctx, Limits.of(ctx.settings(), defaultMinLines()), new Modules(repo));
    prepare(files, run);
    ctx.progress().start(id(), files.size());
    return files.stream().flatMap(f -> {
      List<Example> out = process(f, run);
      ctx.progress().advance(1);
      return out.stream();
    }).onClose(ctx.progress()::done);
  }

  private List<Example> process(RepoFile f, CodeRun run) {
    ExtractContext ctx = run.ctx();
    ctx.coverage().fileScanned();
    Optional<String> text = read(f, run);
    if (text.isEmpty()) {
      return List.of();
    }
    List<Example> out = new ArrayList<>();
    try (CodeFile file = CodeFile.parse(f, Grammar.forPath(f.path()).orElseThrow(), text.get())) {
      List<Candidate<?>> found = candidates(file, run);
      ctx.coverage().candidates(found.size());
      if (found.isEmpty() && reportsEmptyFiles()) {
        run.skip(f, SkipReason.NO_CANDIDATES, "no " + id() + " found");
      }
      for (Candidate<?> c : found) {
        example(file, c, run).ifPresent(out::add);
      }
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
      Example e = run.ctx().example(run.repo(), d.user(), d.assistant(), d.language(), file.path(), lines,
          c.symbol(), defaultCategory(), d.tags());
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

  private static boolean hasError(Candidate<?> c) {
    return c.first().hasError() || c.last().hasError();
  }
}
