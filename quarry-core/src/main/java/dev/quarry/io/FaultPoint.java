package dev.quarry.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The places where Quarry changes a file on disk (a write begins, a rename, a delete), announced so a test can
 * make any of them fail: an {@link IOException} stands for a full disk, an {@link Error} for the process being
 * killed there. Without a hook installed, {@link #hit} does nothing. Tests only; one hook per JVM.
 */
public final class FaultPoint {
  /** What a test runs at each point; it may throw to make the operation fail. */
  @FunctionalInterface
  public interface Hook {
    /**
     * Called before the operation.
     *
     * @param operation {@code write}, {@code rename}, {@code delete} or {@code journal}
     * @param path the file about to be changed
     */
    void at(String operation, Path path) throws IOException;
  }

  private static volatile Hook hook;

  private FaultPoint() {}

  /** Installs {@code h} (null: none). */
  public static void install(Hook h) {
    hook = h;
  }

  /** Announces an operation on {@code path}; throws what the installed hook throws. */
  public static void hit(String operation, Path path) throws IOException {
    Hook h = hook;
    if (h != null) {
      h.at(operation, path);
    }
  }
}
