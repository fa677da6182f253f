package dev.quarry.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs a trainer and streams its log (stdout and stderr merged, byte for byte so progress bars redraw) to a sink
 * as it comes. Library code: the sink is the caller's, nothing is printed here.
 */
public final class TrainRun {
  private TrainRun() {}

  /**
   * Runs {@code launch} to completion.
   *
   * @param log where the trainer's output goes; flushed after every read
   * @return the trainer's exit code
   * @throws IOException when the program cannot be started
   */
  public static int run(TrainLaunch launch, OutputStream log) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile())
        .redirectErrorStream(true);
    pb.environment().putAll(launch.env());
    // Python buffers a pipe's output in blocks; unbuffered, the log arrives as the trainer writes it.
    pb.environment().putIfAbsent("PYTHONUNBUFFERED", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    try (InputStream in = p.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        log.write(buf, 0, n);
        log.flush();
      }
    } finally {
      if (Thread.currentThread().isInterrupted()) {
        p.destroy();
      }
    }
    return p.waitFor();
  }
}
