package dev.quarry.extract.code;

import dev.quarry.extract.ExtractContext;
import dev.quarry.extract.RepoFile;
import dev.quarry.extract.Repository;
import dev.quarry.extract.SkipReason;

/**
 * One run of a code extractor over a repository: the context, the limits and a resolver for other files of the
 * repository. Not thread-safe.
 *
 * @param repo the repository
 * @param ctx the extractor's context
 * @param limits size limits
 * @param modules resolves imports to files and reads their definitions
 * @param templates the extractor's prompt and answer templates (built-in or configured)
 */
public record CodeRun(Repository repo, ExtractContext ctx, Limits limits, Modules modules, Templates templates) {
  /** Reports a skipped candidate or file. */
  public void skip(String path, String symbol, SkipReason reason, String detail) {
    ctx.coverage().skip(path, symbol, reason, detail);
  }

  /** Reports a skipped file. */
  public void skip(RepoFile file, SkipReason reason, String detail) {
    ctx.coverage().skip(file.path(), null, reason, detail);
  }
}
