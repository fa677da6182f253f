package dev.quarry.eval.client;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When and how long to wait before asking again. Retried: HTTP 429 and 5xx, timeouts and connection errors.
 * The wait before retry {@code k} (1-based) is {@code min(maxDelay, baseDelay * 2^(k-1))}, half of it fixed and
 * half random ("equal jitter", so concurrent clients spread out), or the server's {@code Retry-After} when that
 * is longer, capped at {@code maxRetryAfter}. The random part is seeded per request from {@code seed} and the
 * request's cache key, so a run waits the same whatever the thread scheduling.
 *
 * @param retries retries after the first attempt (0 = one attempt)
 * @param baseDelay the first wait before jitter
 * @param maxDelay the longest computed wait
 * @param maxRetryAfter the longest wait a server's {@code Retry-After} can ask for
 * @param seed seed of the jitter
 */
public record RetryPolicy(int retries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, long seed) {
  /** Checks the values. */
  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
  }

  /** Three retries from 500 ms up to 20 s, honouring Retry-After up to 60 s. */
  public static RetryPolicy defaults(long seed) {
    return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(60), seed);
  }

  /** This policy with another number of retries. */
  public RetryPolicy withRetries(int n) {
    return new RetryPolicy(n, baseDelay, maxDelay, maxRetryAfter, seed);
  }

  /** The jitter source for one request. */
  SplittableRandom random(String cacheKey) {
    return new SplittableRandom(seed ^ Long.parseUnsignedLong(cacheKey.substring(0, 15), 16));
  }

  /**
   * The wait before retry {@code k}.
   *
   * @param k 1-based retry number
   * @param retryAfter the server's Retry-After, or null
   * @param random the request's jitter source
   */
  Duration delay(int k, Duration retryAfter, SplittableRandom random) {
    long exp = baseDelay.toMillis() << Math.min(30, k - 1);
    long capped = Math.min(maxDelay.toMillis(), Math.max(0, exp));
    long half = capped / 2;
    long computed = half + (half > 0 ? random.nextLong(half + 1) : 0);
    if (retryAfter != null) {
      long ra = Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis());
      return Duration.ofMillis(Math.max(computed, ra));
    }
    return Duration.ofMillis(computed);
  }
}
