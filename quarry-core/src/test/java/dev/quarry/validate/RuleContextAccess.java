package dev.quarry.validate;

import java.nio.file.Path;

/** Lets tests outside this package give a {@link RuleContext} a repository and cache, as the stage does. */
public final class RuleContextAccess {
  private RuleContextAccess() {}

  /** {@code ctx} with {@link RuleContext#repository()} and {@link RuleContext#cacheDir()} set. */
  public static RuleContext withRun(RuleContext ctx, Path repository, Path cache) {
    ctx.run(repository, cache);
    return ctx;
  }
}
