package dev.quarry.build;

import dev.quarry.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules for the folder a build writes into. Quarry owns only the files listed in the folder's
 * {@code manifest.json} and its own bookkeeping entries ({@link #INTERNAL}); everything else in the folder
 * belongs to the user and is never deleted or overwritten. A folder that holds files but no Quarry manifest
 * (nor the journal of a swap a crash interrupted) is refused unless forced, and a folder that is or contains
 * the repository is always refused.
 */
final class OutputFolder {
  /** The staging folder a build writes into before its files are moved into place. */
  static final String STAGING = ".quarry-staging";
  /** Quarry's own entries at the top of the output folder: lock, staging folder, journal, resume state. */
  static final Set<String> INTERNAL = Set.of(BuildLock.FILE, STAGING, Journal.FILE, BuildState.FILE);

  private OutputFolder() {}

  /**
   * Checks that a build of {@code repoRoot} may write into {@code out}; changes nothing.
   *
   * @param repoRoot the repository's real path
   * @param out the output folder, absolute and normalised (it need not exist)
   * @param force use a non-empty folder without a manifest (its files are still never deleted)
   * @throws UsageException (exit 2) naming the folder and the fix
   */
  static void check(Path repoRoot, Path out, boolean force) throws IOException {
    Path real = realPath(out);
    if (repoRoot.startsWith(real)) {
      throw new UsageException("-o " + out + ": the output folder " + (repoRoot.equals(real) ? "is" : "contains")
          + " the repository " + repoRoot, "choose a folder outside the repository, or one inside it such as "
          + repoRoot.resolve("out"));
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("-o " + out + ": not a folder", "give a folder path");
    }
    // A swap that a kill interrupted has a journal but no manifest yet: the folder is Quarry's, and the build
    // that follows completes the swap before it starts.
    if (!force && Files.isDirectory(out) && !Manifest.isQuarryManifest(out.resolve(Manifest.FILE))
        && !Files.isRegularFile(out.resolve(Journal.FILE), LinkOption.NOFOLLOW_LINKS) && hasUserFiles(out)) {
      throw new UsageException("-o " + out + ": the folder is not empty and holds no Quarry manifest.json",
          "choose an empty or new folder, or add --force to build into it; its files are never deleted");
    }
  }

  /** The real path of {@code p}: of its nearest existing ancestor, with the rest appended. */
  static Path realPath(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs)).normalize();
  }

  /**
   * {@code out/relative} when it is a plain path below {@code out}: no {@code ..}, not absolute, not one of
   * the {@link #INTERNAL} entries, and no symbolic link among the folders between (so nothing outside the
   * output folder is ever touched through a path a manifest names).
   */
  static Optional<Path> owned(Path out, String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
      return Optional.empty();
    }
    Path rel = Path.of(relative).normalize();
    if (rel.isAbsolute() || rel.startsWith("..") || !rel.toString().equals(relative) || INTERNAL.contains(rel.getName(0).toString())) {
      return Optional.empty();
    }
    Path p = out;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      p = p.resolve(rel.getName(i));
      if (Files.isSymbolicLink(p) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
        return Optional.empty();
      }
    }
    return Optional.of(out.resolve(rel));
  }

  private static boolean hasUserFiles(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.anyMatch(p -> !INTERNAL.contains(p.getFileName().toString())
          && !p.getFileName().toString().startsWith("." + Journal.FILE + "."));
    }
  }
}
