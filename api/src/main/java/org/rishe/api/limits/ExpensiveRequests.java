package org.rishe.api.limits;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.rishe.api.error.ApiProblem;

/**
 * One pool of turns shared by every route marked expensive in the registry: a guarded handler runs
 * only while it holds a turn, and a request that gets none within the wait is answered 503 with
 * {@code Retry-After}. Turns are handed out in arrival order (a fair semaphore), and taken after
 * the gate, so a request without a valid key or over its rate never holds one.
 */
public final class ExpensiveRequests {
  private final ExpensiveLimit limit;
  private final Semaphore turns;

  public ExpensiveRequests(ExpensiveLimit limit) {
    this.limit = requireNonNull(limit, "limit is null");
    this.turns = new Semaphore(limit.permits(), true);
  }

  /** {@code handler}, run only while holding a turn, which is given back however it ends. */
  public Handler guard(Handler handler) {
    requireNonNull(handler, "handler is null");
    return ctx -> {
      acquire();
      try {
        handler.handle(ctx);
      } finally {
        turns.release();
      }
    };
  }

  private void acquire() {
    try {
      if (turns.tryAcquire(limit.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      // the server is stopping: answer as busy rather than fail
      Thread.currentThread().interrupt();
    }
    throw ApiProblem.busy(limit.permits(), limit.maxWait().toMillis(), limit.retryAfterSeconds());
  }
}
