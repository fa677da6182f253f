package dev.quarry.extract;

/** Why a file or a candidate was not turned into an example. Stable codes appear in coverage reports. */
public enum SkipReason {
  /** Matched by .gitignore. */
  GITIGNORED,
  /** Not text (NUL bytes or not decodable). */
  BINARY,
  /** A vendored or dependency folder (node_modules, vendor, site-packages …). */
  VENDORED,
  /** A generated file (a "generated" marker, minified code, lock files, build output). */
  GENERATED,
  /** A symbolic link; links are never followed. */
  SYMLINK,
  /** The file could not be read. */
  UNREADABLE,
  /** The parser could not make sense of it. */
  PARSE_ERROR,
  /** The file or candidate is over the size limit. */
  TOO_LONG,
  /** The candidate is too small to teach anything. */
  TOO_SHORT,
  /** Nothing of this extractor's kind was found in the file. */
  NO_CANDIDATES,
  /** The extractor's {@code max_examples} budget was used up. */
  OVER_BUDGET,
  /** The candidate lacks what the example needs (e.g. no docstring). */
  INCOMPLETE,
  /** Excluded by configuration. */
  EXCLUDED,
  /**
   * A more specific extractor (routes, MCP tools, hooks, agents) already mined these lines: one owner per
   * source span, so a route handler is not taught a second time as a plain function.
   */
  MINED_ELSEWHERE,
  /** A merge commit (history: only first-parent, non-merge changes are taught). */
  MERGE_COMMIT,
  /** A commit that reverts another. */
  REVERT,
  /** A commit whose subject does not read as an instruction (no imperative verb first, too short, a chore). */
  NOT_AN_INSTRUCTION,
  /** A commit made by a bot account. */
  BOT,
  /** A change that only re-flows whitespace or formatting. */
  FORMATTING_ONLY,
  /** There is no readable git history (no work tree, git missing, shallow boundary). */
  NO_HISTORY;

  /** The code used in reports, kebab-case. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
