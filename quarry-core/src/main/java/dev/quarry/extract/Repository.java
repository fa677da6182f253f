package dev.quarry.extract;

import dev.quarry.InputException;
import dev.quarry.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A repository on disk that extractors read. Walks files in sorted path order (never directory order) and
 * leaves out, each with a {@link SkipReason}: files and folders matched by {@code .gitignore} (every level, plus
 * those of the enclosing git work tree and {@code .git/info/exclude}), vendored and build-output folders,
 * symbolic links (never followed, so nothing outside the repository is read), binaries (a NUL byte in the first
 * 8 KB), generated files (lock files, minified script, a "generated" marker in a header comment) and unreadable
 * files. Folders of Quarry's own output (a Quarry {@code manifest.json} or lock inside, or the build's
 * {@code -o}) are left out too, so a build never mines a build. The walk holds paths, never file contents.
 *
 * <p>Thread-safe after creation, except {@link #observe}, which the extract stage calls between extractors.
 */
public final class Repository {
  /** Folder names that are never source of the repository itself: dependencies and tool caches. */
  static final Set<String> VENDORED = Set.of("node_modules", "vendor", "third_party", ".venv", "venv",
      "site-packages", "__pycache__", "bower_components", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".idea",
      ".ruff_cache", ".eggs", "Pods", "jspm_packages");
  /** Folder names of build output. */
  static final Set<String> BUILD_OUTPUT = Set.of("dist", "build", "target", ".next", ".nuxt", "coverage",
      ".turbo", ".svelte-kit", ".parcel-cache");
  /** Version-control folders: left out without a report. */
  static final Set<String> VCS = Set.of(".git", ".hg", ".svn");

  private final Path root;
  private final String name;
  private final String commit;
  private final ProgressListener progress;
  private final Set<Path> excluded;
  private volatile RepoWalk.Result walked;
  private Coverage observer;

  private Repository(Path root, String name, String commit, ProgressListener progress, Set<Path> excluded) {
    this.root = root;
    this.name = name;
    this.commit = commit;
    this.progress = progress;
    this.excluded = Set.copyOf(excluded);
  }

  /**
   * Opens a repository folder.
   *
   * @throws InputException when it is not a readable folder
   */
  public static Repository open(Path root) {
    return open(root, ProgressListener.NONE);
  }

  /**
   * Opens a repository folder; the walk, done on first use, reports its progress to {@code progress}.
   *
   * @throws InputException when it is not a readable folder
   */
  public static Repository open(Path root, ProgressListener progress) {
    return open(root, progress, Set.of());
  }

  /**
   * Opens a repository folder whose walk leaves out the folders {@code excluded} (absolute real paths; those
   * outside the repository are ignored), reported as generated: the build's own output folder.
   *
   * @throws InputException when it is not a readable folder
   */
  public static Repository open(Path root, ProgressListener progress, Set<Path> excluded) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new InputException(root.toString(), 0, "not a folder", "give the path of a repository checkout");
    }
    try {
      abs = abs.toRealPath();
    } catch (IOException e) {
      throw new InputException(root.toString(), 0, "cannot open: " + e.getMessage(), "check the folder's permissions");
    }
    return new Repository(abs, abs.getFileName() == null ? "repository" : abs.getFileName().toString(),
        GitHead.of(abs).orElse(null), progress, excluded);
  }

  /** The absolute root folder (symbolic links resolved). */
  public Path root() {
    return root;
  }

  /** The repository name: the root folder's name. */
  public String name() {
    return name;
  }

  /**
   * This repository under another name (the one records and prompts call it), e.g. a folder name made safe by
   * the build; everything else is the same. Call it before the first walk.
   */
  public Repository withName(String newName) {
    return new Repository(root, newName, commit, progress, excluded);
  }

  /** The HEAD commit when the folder is inside a git work tree. */
  public Optional<String> commit() {
    return Optional.ofNullable(commit);
  }

  /** Every file the walk kept, sorted by path; computed once. */
  public List<RepoFile> files() {
    return walk().kept();
  }

  /**
   * The kept files whose path matches any of {@code globs} and none of {@code exclude}, sorted by path. Files
   * the walk left out that match the globs are reported, with their reason, to the coverage being observed.
   */
  public List<RepoFile> files(List<String> globs, List<String> exclude) {
    List<Glob> in = globs.stream().map(Glob::of).toList();
    List<Glob> out = exclude.stream().map(Glob::of).toList();
    Coverage c = observer;
    if (c != null) {
      for (Coverage.Skip s : walk().skips()) {
        if (!s.path().endsWith("/") && in.stream().anyMatch(g -> g.matches(s.path()))
            && out.stream().noneMatch(g -> g.matches(s.path()))) {
          c.skip(s.path(), null, s.reason(), s.detail());
        }
      }
    }
    return files().stream()
        .filter(f -> in.stream().anyMatch(g -> g.matches(f.path())))
        .filter(f -> out.stream().noneMatch(g -> g.matches(f.path())))
        .toList();
  }

  /** The kept files plus those left out only for looking generated (specs are often generated), sorted by path. */
  public List<RepoFile> filesIncludingGenerated() {
    List<RepoFile> all = new ArrayList<>(walk().kept());
    all.addAll(walk().generated());
    all.sort(Comparator.comparing(RepoFile::path));
    return List.copyOf(all);
  }

  /**
   * What the walk left out and why, sorted by path; a folder left out whole appears once, its path ending
   * in {@code /}.
   */
  public List<Coverage.Skip> skipped() {
    return walk().skips();
  }

  /** How many entries (files, links, folders left out) the walk looked at. */
  public long entriesSeen() {
    return walk().seen();
  }

  /** Makes {@link #files(List, List)} report left-out matches to {@code coverage} (null: to nobody). */
  void observe(Coverage coverage) {
    this.observer = coverage;
  }

  /**
   * Reads a file as UTF-8 text, with a leading byte-order mark removed.
   *
   * @throws IOException when it cannot be read or is not valid UTF-8 (a {@link CharacterCodingException})
   */
  public String read(RepoFile file) throws IOException {
    if (Files.isSymbolicLink(file.absolute())) {
      throw new IOException(file.path() + " is a symbolic link (links are not followed)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file.absolute(), LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readAllBytes();
    }
    String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private RepoWalk.Result walk() {
    RepoWalk.Result w = walked;
    if (w == null) {
      synchronized (this) {
        if (walked == null) {
          try {
            walked = new RepoWalk(root, progress, excluded).run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        w = walked;
      }
    }
    return w;
  }
}
