package dev.quarry.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the commit a git work tree has checked out, from the files under {@code .git}, without running git. */
final class GitHead {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private GitHead() {}

  /** The HEAD commit of the work tree containing {@code dir}, when there is one. */
  static Optional<String> of(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path dotGit = d.resolve(".git");
      try {
        if (Files.isDirectory(dotGit)) {
          return resolve(dotGit, dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
          if (s.startsWith("gitdir:")) {
            Path gitDir = d.resolve(s.substring(7).trim()).normalize();
            Path common = gitDir;
            Path commonFile = gitDir.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
              common = gitDir.resolve(Files.readString(commonFile).trim()).normalize();
            }
            return resolve(gitDir, common);
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> resolve(Path gitDir, Path commonDir) throws IOException {
    Path head = gitDir.resolve("HEAD");
    if (!Files.isRegularFile(head)) {
      return Optional.empty();
    }
    String s = Files.readString(head, StandardCharsets.UTF_8).trim();
    if (SHA.matcher(s).matches()) {
      return Optional.of(s);
    }
    if (!s.startsWith("ref:")) {
      return Optional.empty();
    }
    String ref = s.substring(4).trim();
    for (Path base : new Path[] {gitDir, commonDir}) {
      Path refFile = base.resolve(ref);
      if (Files.isRegularFile(refFile)) {
        String sha = Files.readString(refFile, StandardCharsets.UTF_8).trim();
        if (SHA.matcher(sha).matches()) {
          return Optional.of(sha);
        }
      }
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ", 2);
        if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
          return Optional.of(parts[0]);
        }
      }
    }
    return Optional.empty();
  }
}
