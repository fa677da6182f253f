package dev.quarry;

/**
 * Receives progress from long-running stages. The library never prints: the CLI renders these events as a
 * progress bar on a terminal, or ignores them. Calls come from the stage's thread; implementations must be
 * cheap.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void start(String task, long total) {}

    @Override
    public void advance(long steps) {}

    @Override
    public void done() {}
  };

  /** A task begins; {@code total} is the expected number of steps, or -1 when unknown. */
  void start(String task, long total);

  /** {@code steps} more steps of the current task are done. */
  void advance(long steps);

  /** The current task is finished. */
  void done();
}
