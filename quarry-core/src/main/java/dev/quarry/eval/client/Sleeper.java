package dev.quarry.eval.client;

import java.time.Duration;

/** Waits between retries. Tests replace it to check the waits without spending them. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  /** Waits {@code d}. */
  void sleep(Duration d) throws InterruptedException;
}
