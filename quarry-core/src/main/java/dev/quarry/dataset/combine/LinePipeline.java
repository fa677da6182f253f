package dev.quarry.dataset.combine;

import dev.quarry.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits input files into raw lines on the calling thread, hands batches of lines to a pool (or runs
 * them inline without one), and delivers the batch results to a sink strictly in file and line order, so
 * whatever the sink builds is independent of thread count. At most {@code maxInFlight} batches are
 * pending, which bounds memory to a few thousand lines.
 */
final class LinePipeline {
  static final int BATCH_LINES = 256;
  private static final int MAX_LINE_BYTES = dev.quarry.io.JsonlReader.DEFAULT_MAX_LINE_BYTES;

  /** Raw lines of one file. */
  record Batch(int input, Path file, long[] lineNos, byte[][] lines, boolean lastUnterminated) {}

  /** Work done on a batch, off the calling thread. */
  @FunctionalInterface
  interface Work<R> {
    R apply(Batch b);
  }

  /** Receives results in order, on the calling thread. */
  @FunctionalInterface
  interface Sink<R> {
    void accept(R result) throws IOException;
  }

  private LinePipeline() {}

  static <R> void run(List<Path> inputs, ExecutorService pool, int maxInFlight, Work<R> work, Sink<R> sink)
      throws IOException {
    ArrayDeque<Future<R>> pending = new ArrayDeque<>();
    for (int f = 0; f < inputs.size(); f++) {
      Path file = inputs.get(f);
      try (InputStream in = open(file)) {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[8192];
        int len = 0;
        long lineNo = 1;
        List<byte[]> lines = new ArrayList<>(BATCH_LINES);
        long[] nos = new long[BATCH_LINES];
        int n;
        while ((n = in.read(buf)) > 0) {
          int seg = 0;
          for (int i = 0; i < n; i++) {
            if (buf[i] != '\n') {
              continue;
            }
            line = append(line, len, buf, seg, i - seg, file, lineNo);
            len += i - seg;
            seg = i + 1;
            nos[lines.size()] = lineNo++;
            lines.add(Arrays.copyOf(line, len));
            len = 0;
            if (lines.size() == BATCH_LINES) {
              submit(new Batch(f, file, nos.clone(), lines.toArray(new byte[0][]), false), pool, maxInFlight,
                  work, sink, pending);
              lines.clear();
            }
          }
          line = append(line, len, buf, seg, n - seg, file, lineNo);
          len += n - seg;
        }
        boolean unterminated = len > 0;
        if (unterminated) {
          nos[lines.size()] = lineNo;
          lines.add(Arrays.copyOf(line, len));
        }
        if (!lines.isEmpty()) {
          submit(new Batch(f, file, Arrays.copyOf(nos, lines.size()), lines.toArray(new byte[0][]), unterminated),
              pool, maxInFlight, work, sink, pending);
        }
      }
    }
    while (!pending.isEmpty()) {
      sink.accept(get(pending.poll()));
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "no such file", "check the path");
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot open: " + e.getMessage(), "check the path and permissions");
    }
  }

  private static byte[] append(byte[] line, int len, byte[] src, int off, int n, Path file, long lineNo) {
    if ((long) len + n > MAX_LINE_BYTES) {
      throw new InputException(file.toString(), lineNo, "line is longer than " + MAX_LINE_BYTES + " bytes",
          "split the record; a chat example this long cannot be trained on");
    }
    if (len + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
    }
    System.arraycopy(src, off, line, len, n);
    return line;
  }

  private static <R> void submit(Batch b, ExecutorService pool, int maxInFlight, Work<R> work, Sink<R> sink,
      ArrayDeque<Future<R>> pending) throws IOException {
    if (pool == null) {
      sink.accept(work.apply(b));
      return;
    }
    pending.add(pool.submit(() -> work.apply(b)));
    while (pending.size() >= maxInFlight) {
      sink.accept(get(pending.poll()));
    }
  }

  private static <R> R get(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
