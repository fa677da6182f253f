package dev.quarry.extract;

import java.nio.file.Path;

/**
 * A regular file of a repository.
 *
 * @param path path relative to the repository root, {@code /}-separated
 * @param absolute the file on disk
 * @param size size in bytes
 */
public record RepoFile(String path, Path absolute, long size) {
  /** The file name without folders. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The lower-case extension without the dot, or "" when there is none. */
  public String extension() {
    String n = name();
    int dot = n.lastIndexOf('.');
    return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
