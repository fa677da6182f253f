package dev.quarry.eval.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap and not a byte further: it asks the connection for one buffer
 * at a time, and when the next buffer would pass the cap it cancels the subscription (which closes the
 * connection) and completes with what it has, marked {@link Body#overCap()}. A body announced longer than the
 * cap by its {@code Content-Length} is refused before its first byte. Memory per request is therefore at most
 * the cap plus one network buffer, whatever the server sends. {@link #abort} ends it from another thread, when
 * the request's deadline passes.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Body> {
  /**
   * What was read.
   *
   * @param bytes the body, or its first bytes up to the cap
   * @param overCap whether the server sent (or announced) more than the cap
   */
  record Body(byte[] bytes, boolean overCap) {}

  private final long cap;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /** A body of at most {@code cap} bytes, refused at once when {@code announced} (-1 = unknown) is larger. */
  CappedBody(long cap, long announced) {
    this.cap = cap;
    if (announced > cap) {
      result.complete(new Body(new byte[0], true));
    }
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (buf.size() + (long) n > cap) {
        subscription.cancel();
        result.complete(new Body(buf.toByteArray(), true));
        return;
      }
      byte[] a = new byte[n];
      b.get(a);
      buf.write(a, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public synchronized void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public synchronized void onComplete() {
    result.complete(new Body(buf.toByteArray(), false));
  }

  /** Stops reading: cancels the subscription and fails the body with {@code why}. Thread-safe. */
  synchronized void abort(Throwable why) {
    if (subscription != null) {
      subscription.cancel();
    }
    result.completeExceptionally(why);
  }
}
