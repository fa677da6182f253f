package dev.quarry.cli;

import dev.quarry.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams a verb writes to, and progress rendering: a bar on stderr only when stderr is a terminal and
 * {@code --quiet} is off.
 */
final class Terminal {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;

  Terminal(PrintStream out, PrintStream err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** A progress listener for a verb: silent unless stderr is an interactive terminal. */
  ProgressListener progress(boolean quiet) {
    return quiet || !interactive ? ProgressListener.NONE : new BarProgress(err);
  }

  static boolean stderrIsTerminal() {
    try {
      Path fd = Path.of("/proc/self/fd/2");
      if (Files.exists(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      return System.console() != null;
    }
    return System.console() != null;
  }
}
