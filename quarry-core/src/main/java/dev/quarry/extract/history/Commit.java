package dev.quarry.extract.history;

import java.util.List;

/**
 * One commit of the first-parent history, as {@code git log --numstat} describes it.
 *
 * @param sha the commit id
 * @param parents parent ids, first parent first (empty for a root or a shallow boundary)
 * @param author author name
 * @param email author e-mail
 * @param message the raw message (trailers included; see {@link CommitMessage} for the cleaned form)
 * @param changes files changed against the first parent, in git's (path) order
 */
record Commit(String sha, List<String> parents, String author, String email, String message, List<Change> changes) {
  /** Copies the lists. */
  Commit {
    parents = List.copyOf(parents);
    changes = List.copyOf(changes);
  }

  /**
   * One changed file.
   *
   * @param path the path, {@code /} separated
   * @param added lines added (0 for binary)
   * @param deleted lines deleted (0 for binary)
   * @param binary whether git saw a binary change
   */
  record Change(String path, int added, int deleted, boolean binary) {}

  /** The first seven hex digits, for messages. */
  String shortSha() {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
