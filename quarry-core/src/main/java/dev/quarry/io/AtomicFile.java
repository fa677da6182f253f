package dev.quarry.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file written to a temporary sibling and moved into place on {@link #commit()}, so readers see either the
 * old file or the complete new one, never a half-written one. Closing without committing deletes the
 * temporary file and leaves any existing target untouched. Not thread-safe.
 *
 * <pre>{@code
 * try (AtomicFile f = AtomicFile.create(target)) {
 *   f.out().write(bytes);
 *   f.commit();
 * }
 * }</pre>
 */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean done;

  private AtomicFile(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    FaultPoint.hit("write", this.target);
    Files.createDirectories(dir);
    String prefix = "." + this.target.getFileName() + ".";
    // Temporary files are private (0600) by default; outputs are ordinary files, readable as the umask allows.
    this.temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
        : Files.createTempFile(dir, prefix, ".tmp");
    this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
  }

  /** Opens a temporary file beside {@code target}, creating parent folders as needed. */
  public static AtomicFile create(Path target) throws IOException {
    return new AtomicFile(target);
  }

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  public static void writeString(Path target, String text) throws IOException {
    try (AtomicFile f = create(target)) {
      f.out().write(text.getBytes(StandardCharsets.UTF_8));
      f.commit();
    }
  }

  /** The stream to write to; do not close it, close this object. */
  public OutputStream out() {
    return out;
  }

  /** The final path. */
  public Path target() {
    return target;
  }

  /** Flushes and moves the temporary file over the target. */
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("already committed or closed: " + target);
    }
    out.flush();
    out.close();
    FaultPoint.hit("rename", target);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    done = true;
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
