package dev.quarry.extract;

import dev.quarry.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One walk of a repository folder: decides for every entry whether it is kept or left out, and why. Holds
 * paths only. Not thread-safe; {@link Repository} runs it once.
 */
final class RepoWalk {
  /**
   * What the walk found.
   *
   * @param kept kept files, sorted by path
   * @param generated files left out only for looking generated, sorted by path
   * @param skips everything left out, sorted by path
   * @param seen entries looked at
   */
  record Result(List<RepoFile> kept, List<RepoFile> generated, List<Coverage.Skip> skips, long seen) {}

  /** The .gitignore rules of one folder. */
  private record Frame(Path base, GitIgnore rules) {}

  private static final java.util.regex.Pattern QUARRY_MANIFEST =
      java.util.regex.Pattern.compile("\"tool\"\\s*:\\s*\"quarry\"");

  private final Path root;
  private final ProgressListener progress;
  private final java.util.Set<Path> excluded;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final List<RepoFile> kept = new ArrayList<>();
  private final List<RepoFile> generated = new ArrayList<>();
  private final List<Coverage.Skip> skips = new ArrayList<>();
  private final byte[] head = new byte[FileKind.SNIFF_BYTES];
  private long seen;

  RepoWalk(Path root, ProgressListener progress) {
    this(root, progress, java.util.Set.of());
  }

  /** A walk that leaves out the folders {@code excluded} (absolute real paths), e.g. the build's own output. */
  RepoWalk(Path root, ProgressListener progress, java.util.Set<Path> excluded) {
    this.root = root;
    this.progress = progress;
    this.excluded = java.util.Set.copyOf(excluded);
  }

  Result run() throws IOException {
    progress.start("scan", -1);
    try {
      enclosingRules();
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return enter(dir);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          visit(file, attrs);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          seen++;
          skip(file, SkipReason.UNREADABLE, why(exc), false);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
          frames.pop();
          if (exc != null) {
            skip(dir, SkipReason.UNREADABLE, "folder listing failed: " + why(exc), true);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } finally {
      progress.done();
    }
    Comparator<RepoFile> byPath = Comparator.comparing(RepoFile::path);
    kept.sort(byPath);
    generated.sort(byPath);
    skips.sort(Comparator.comparing(Coverage.Skip::path));
    return new Result(List.copyOf(kept), List.copyOf(generated), List.copyOf(skips), seen);
  }

  /** Rules of the enclosing git work tree above the root: .git/info/exclude, then each .gitignore downwards. */
  private void enclosingRules() {
    Path top = null;
    for (Path d = root; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        top = d;
        break;
      }
    }
    if (top == null) {
      return;
    }
    Path exclude = top.resolve(".git/info/exclude");
    if (Files.isRegularFile(exclude)) {
      push(top, exclude);
    }
    List<Path> chain = new ArrayList<>();
    for (Path d = root.getParent(); d != null && d.startsWith(top); d = d.getParent()) {
      chain.add(0, d);
    }
    for (Path d : chain) {
      push(d, d.resolve(".gitignore"));
    }
  }

  private void push(Path base, Path file) {
    GitIgnore rules = GitIgnore.parse("");
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        rules = GitIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        skip(file, SkipReason.UNREADABLE, ".gitignore cannot be read, its rules are not applied: " + e.getMessage(), false);
      }
    }
    frames.push(new Frame(base, rules));
  }

  private FileVisitResult enter(Path dir) {
    if (!dir.equals(root)) {
      String name = dir.getFileName().toString();
      if (Repository.VCS.contains(name)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      seen++;
      if (excluded.contains(dir)) {
        skip(dir, SkipReason.GENERATED, "the output folder of this build", true);
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (isQuarryOutput(dir)) {
        skip(dir, SkipReason.GENERATED, "output folder of a Quarry build (it holds a Quarry manifest.json or lock)", true);
        return FileVisitResult.SKIP_SUBTREE;
      }
      Optional<String> rule = ignoredBy(dir, true);
      if (rule.isPresent()) {
        skip(dir, SkipReason.GITIGNORED, rule.get(), true);
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (Repository.VENDORED.contains(name)) {
        skip(dir, SkipReason.VENDORED, "dependency or tool folder \"" + name + "\"", true);
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (Repository.BUILD_OUTPUT.contains(name)) {
        skip(dir, SkipReason.GENERATED, "build output folder \"" + name + "\"", true);
        return FileVisitResult.SKIP_SUBTREE;
      }
    }
    push(dir, dir.resolve(".gitignore"));
    return FileVisitResult.CONTINUE;
  }

  /** A folder a Quarry build wrote: mining it would train on Quarry's own output. */
  private static boolean isQuarryOutput(Path dir) {
    if (Files.exists(dir.resolve(".quarry-lock"), LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(dir.resolve(".quarry-staging"), LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    Path m = dir.resolve("manifest.json");
    if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(m, LinkOption.NOFOLLOW_LINKS)) {
      return QUARRY_MANIFEST.matcher(new String(in.readNBytes(512), StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false;
    }
  }

  private void visit(Path file, BasicFileAttributes attrs) {
    seen++;
    progress.advance(1);
    if (attrs.isSymbolicLink()) {
      skip(file, SkipReason.SYMLINK, linkDetail(file), false);
      return;
    }
    if (!attrs.isRegularFile()) {
      skip(file, SkipReason.UNREADABLE, "not a regular file", false);
      return;
    }
    Optional<String> rule = ignoredBy(file, false);
    if (rule.isPresent()) {
      skip(file, SkipReason.GITIGNORED, rule.get(), false);
      return;
    }
    int n;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      skip(file, SkipReason.UNREADABLE, why(e), false);
      return;
    }
    RepoFile rf = new RepoFile(relative(file), file, attrs.size());
    if (FileKind.isBinary(head, n)) {
      skip(file, SkipReason.BINARY, "NUL byte in the first " + FileKind.SNIFF_BYTES + " bytes", false);
      return;
    }
    Optional<String> gen = FileKind.generated(rf.name(), new String(head, 0, n, StandardCharsets.UTF_8));
    if (gen.isPresent()) {
      skip(file, SkipReason.GENERATED, gen.get(), false);
      generated.add(rf);
      return;
    }
    kept.add(rf);
  }

  /** The rule that ignores {@code p}, deepest .gitignore first; empty when none does or a negation re-includes it. */
  private Optional<String> ignoredBy(Path p, boolean dir) {
    for (Iterator<Frame> it = frames.iterator(); it.hasNext(); ) {
      Frame f = it.next();
      if (f.rules().isEmpty()) {
        continue;
      }
      String rel = f.base().relativize(p).toString().replace('\\', '/');
      switch (f.rules().check(rel, dir)) {
        case IGNORED:
          return Optional.of(".gitignore rule \"" + f.rules().matchingRule(rel, dir) + "\" in "
              + (f.base().startsWith(root) ? display(f.base())
                  : root.relativize(f.base()).toString().replace('\\', '/') + "/ (an enclosing folder)"));
        case INCLUDED:
          return Optional.empty();
        default:
          break;
      }
    }
    return Optional.empty();
  }

  private String linkDetail(Path link) {
    try {
      Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
      String rel = target.startsWith(root) ? relative(target) : null;
      return rel != null ? "links to " + (rel.isEmpty() ? "the repository root" : rel) + " (links are not followed)"
          : "links outside the repository (not followed)";
    } catch (IOException | UnsupportedOperationException e) {
      return "symbolic link (not followed)";
    }
  }

  private void skip(Path p, SkipReason reason, String detail, boolean dir) {
    String rel = p.startsWith(root) ? relative(p) : p.toString();
    skips.add(new Coverage.Skip(dir ? rel + "/" : rel, null, reason, detail));
  }

  /** A reason without absolute paths, so reports are the same on every machine. */
  private String why(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = String.valueOf(e.getMessage()).replace(root.toString() + java.io.File.separator, "");
    return e.getClass().getSimpleName() + ": " + m;
  }

  private String display(Path base) {
    String r = relative(base);
    return r.isEmpty() ? "the root folder" : r + "/";
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
