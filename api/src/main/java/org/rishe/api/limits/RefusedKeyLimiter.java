package org.rishe.api.limits;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.rishe.api.error.ApiProblem;

/**
 * Counts the requests refused for a missing or wrong key per client address ({@link
 * ClientAddress}), and once an address has used its burst answers its further keyless requests 429
 * instead of 401, so keys cannot be guessed at network speed. Only refusals are charged: a request
 * with a valid key is never slowed here (the per-key {@link RateLimiter} applies to it).
 *
 * <p>Each address is one number, the generic cell rate algorithm's theoretical arrival time: the
 * moment its allowance is whole again. An address whose allowance is whole carries no information
 * and is dropped, oldest use first, on every charge; and at most {@code maxAddresses} are kept (the
 * least recently used goes), so requests from ever new addresses cannot grow the memory.
 */
public final class RefusedKeyLimiter {
  /** About a megabyte: far more addresses than hold a partly used allowance at any moment. */
  public static final int MAX_ADDRESSES = 10_000;

  private final long intervalNanos;
  private final long toleranceNanos;
  private final boolean behindProxy;
  private final int maxAddresses;
  private final LongSupplier nanoTime;
  // access order: the first entries are the least recently charged, the likeliest to be idle
  private final LinkedHashMap<String, Long> fullAt = new LinkedHashMap<>(16, 0.75f, true);

  public RefusedKeyLimiter(RefusedKeyLimit limit, boolean behindProxy) {
    this(limit, behindProxy, MAX_ADDRESSES, System::nanoTime);
  }

  RefusedKeyLimiter(
      RefusedKeyLimit limit, boolean behindProxy, int maxAddresses, LongSupplier nanoTime) {
    requireNonNull(limit, "limit is null");
    this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / limit.perMinute();
    this.toleranceNanos = (limit.burst() - 1) * intervalNanos;
    this.behindProxy = behindProxy;
    this.maxAddresses = maxAddresses;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
  }

  /** Charges a refused request to its client address, or throws a 429 when none is left. */
  public void charge(Context ctx) {
    charge(ClientAddress.of(ctx, behindProxy));
  }

  synchronized void charge(String address) {
    long now = nanoTime.getAsLong();
    dropIdle(now);
    Long previous = fullAt.get(address);
    long start = previous == null || previous - now < 0 ? now : previous;
    if (start - now > toleranceNanos) {
      long waitNanos = start - now - toleranceNanos;
      throw ApiProblem.tooManyRefusedKeys(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }
    fullAt.put(address, start + intervalNanos);
    if (fullAt.size() > maxAddresses) {
      Iterator<String> eldest = fullAt.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** Addresses kept now; for tests of the memory bound. */
  synchronized int addresses() {
    return fullAt.size();
  }

  private void dropIdle(long now) {
    Iterator<Map.Entry<String, Long>> entries = fullAt.entrySet().iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() - now > 0) {
        return;
      }
      entries.remove();
    }
  }
}
