package dev.quarry.build;

import dev.quarry.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The lock a build holds on its output folder: {@code OUT/.quarry-lock}, locked with the operating system's
 * file lock (released by the kernel when the process dies, even by {@code kill -9}) and holding the owner's
 * pid, host and start time so the refusal can say who holds it. The file stays in place (deleting a lock file
 * lets two builds lock two different files); it is empty when no build runs, so text found in it on
 * acquisition is the note of a build that died: a stale lock, taken over.
 */
final class BuildLock implements AutoCloseable {
  static final String FILE = ".quarry-lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String staleOwner;

  private BuildLock(FileChannel channel, FileLock lock, String staleOwner) {
    this.channel = channel;
    this.lock = lock;
    this.staleOwner = staleOwner;
  }

  /**
   * Locks {@code out}, which must exist.
   *
   * @throws UsageException (exit 2) when another build holds the lock, naming it
   */
  static BuildLock acquire(Path out) throws IOException {
    FileChannel ch = FileChannel.open(out.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null; // held by this JVM
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      String owner = read(ch);
      ch.close();
      throw new UsageException(out + ": another quarry build is writing this folder"
          + (owner.isEmpty() ? "" : " (" + owner + ")"), "wait for it to finish, or build into another folder with -o");
    }
    String previous = read(ch);
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(owner().getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    return new BuildLock(ch, l, previous);
  }

  /** The owner note of a build that died holding this folder, when this lock took its place. */
  Optional<String> staleOwner() {
    return staleOwner.isEmpty() ? Optional.empty() : Optional.of(staleOwner);
  }

  /** Empties the note and releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static String owner() {
    // Not InetAddress.getLocalHost(): it may wait on a name server.
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException | RuntimeException e) {
        host = "this host";
      }
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + ", started "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(512);
    int n = ch.read(b, 0);
    return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
  }
}
