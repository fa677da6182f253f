package dev.quarry.extract.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the history comes from: the repository's own git work tree (only at its top level, so a folder inside
 * another project never walks that project's history), or a git bundle inside the repository
 * ({@code extractors.history.bundle}), cloned into a temporary bare repository that {@link #close()} deletes.
 *
 * @param git the runner, or null when there is no history
 * @param problem why there is no history (or what is limited, e.g. a shallow clone), or empty
 * @param scratch the temporary folder to delete, or null
 */
record HistorySource(Git git, String problem, Path scratch) implements AutoCloseable {
  /** Opens the history of the repository at {@code root}, from {@code bundle} (relative to root) when not null. */
  static HistorySource open(Path root, String bundle) {
    try {
      return bundle == null ? workTree(root) : bundle(root, bundle);
    } catch (GitException e) {
      return new HistorySource(null, e.getMessage(), null);
    }
  }

  private static HistorySource workTree(Path root) throws GitException {
    Git.Result r = Git.runIn(root, List.of("rev-parse", "--show-toplevel", "--absolute-git-dir",
        "--is-shallow-repository"));
    if (r.exit() != 0) {
      return new HistorySource(null, "not a git work tree (" + Git.firstLine(r.err())
          + "); set extractors.history.bundle to read a bundle instead", null);
    }
    String[] lines = r.out().strip().split("\n");
    if (lines.length < 3) {
      return new HistorySource(null, "git rev-parse gave an unexpected answer", null);
    }
    try {
      Path top = Path.of(lines[0]).toRealPath();
      if (!top.equals(root.toRealPath())) {
        return new HistorySource(null, "the repository is a folder inside the git work tree " + top.getFileName()
            + "; history is read only at a work tree's top level (or set extractors.history.bundle)", null);
      }
    } catch (IOException e) {
      return new HistorySource(null, "cannot resolve the work tree: " + e.getMessage(), null);
    }
    Git git = new Git(Path.of(lines[1]), root);
    Git.Result head = git.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
    if (head.exit() != 0) {
      return new HistorySource(null, "the repository has no commits yet", null);
    }
    String note = lines[2].equals("true") ? "shallow clone: history stops at the shallow boundary" : "";
    return new HistorySource(git, note, null);
  }

  private static HistorySource bundle(Path root, String bundle) throws GitException {
    Path file = root.resolve(bundle).normalize();
    if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
      return new HistorySource(null, "extractors.history.bundle " + bundle
          + " is not a file inside the repository (give a path relative to the repository root)", null);
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("quarry-history-");
    } catch (IOException e) {
      return new HistorySource(null, "cannot create a temporary folder: " + e.getMessage(), null);
    }
    Path bare = scratch.resolve("repo.git");
    Git.Result r = Git.runIn(scratch, List.of("clone", "--quiet", "--bare", "--no-hardlinks", file.toString(),
        bare.toString()));
    if (r.exit() != 0) {
      delete(scratch);
      return new HistorySource(null, "cannot read the bundle " + bundle + ": " + Git.firstLine(r.err()), null);
    }
    return new HistorySource(new Git(bare, scratch), "", scratch);
  }

  @Override
  public void close() {
    if (scratch != null) {
      delete(scratch);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless; the OS cleans it
    }
  }
}
