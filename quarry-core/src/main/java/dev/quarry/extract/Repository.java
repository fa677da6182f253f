package dev.quarry.extract;

import dev.quarry.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A repository on disk that extractors read. Walks files in sorted path order (never directory order), never
 * follows symbolic links, and leaves out version-control and vendored folders. Thread-safe after creation.
 */
public final class Repository {
  /** Folder names that are never source of the repository itself. */
  static final Set<String> VENDORED = Set.of(".git", ".hg", ".svn", "node_modules", "vendor", "third_party",
      ".venv", "venv", "site-packages", "__pycache__", "bower_components", ".tox", ".mypy_cache", ".pytest_cache",
      "dist", "build", "target", ".next", ".nuxt", "coverage", ".gradle", ".idea");

  private final Path root;
  private final String name;
  private final String commit;
  private volatile List<RepoFile> files;

  private Repository(Path root, String name, String commit) {
    this.root = root;
    this.name = name;
    this.commit = commit;
  }

  /**
   * Opens a repository folder.
   *
   * @throws InputException when it is not a readable folder
   */
  public static Repository open(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new InputException(root.toString(), 0, "not a folder", "give the path of a repository checkout");
    }
    return new Repository(abs, abs.getFileName() == null ? "repository" : abs.getFileName().toString(),
        GitHead.of(abs).orElse(null));
  }

  /** The absolute root folder. */
  public Path root() {
    return root;
  }

  /** The repository name: the root folder's name. */
  public String name() {
    return name;
  }

  /** The HEAD commit when the folder is inside a git work tree. */
  public Optional<String> commit() {
    return Optional.ofNullable(commit);
  }

  /** Every regular file, sorted by path; computed once. */
  public List<RepoFile> files() {
    List<RepoFile> f = files;
    if (f == null) {
      synchronized (this) {
        if (files == null) {
          files = walk();
        }
        f = files;
      }
    }
    return f;
  }

  /** The files whose path matches any of {@code globs} and none of {@code exclude}, sorted by path. */
  public List<RepoFile> files(List<String> globs, List<String> exclude) {
    List<Glob> in = globs.stream().map(Glob::of).toList();
    List<Glob> out = exclude.stream().map(Glob::of).toList();
    return files().stream()
        .filter(f -> in.stream().anyMatch(g -> g.matches(f.path())))
        .filter(f -> out.stream().noneMatch(g -> g.matches(f.path())))
        .toList();
  }

  /**
   * Reads a file as UTF-8 text, with a leading byte-order mark removed.
   *
   * @throws IOException when it cannot be read or is not valid UTF-8 (a {@link CharacterCodingException})
   */
  public String read(RepoFile file) throws IOException {
    byte[] bytes = Files.readAllBytes(file.absolute());
    String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private List<RepoFile> walk() {
    List<RepoFile> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && VENDORED.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            out.add(new RepoFile(relative(file), file, attrs.size()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(RepoFile::path));
    return List.copyOf(out);
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
