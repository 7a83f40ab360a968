package org.rishe.api.limits;

import static java.util.Objects.requireNonNull;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rishe.api.error.ApiProblem;

/**
 * One token bucket per key id (Bucket4j, in memory). Keyed by the key's id, so the number of
 * buckets is bounded by the number of keys; requests without a key only reach public routes and are
 * not limited here.
 */
public final class RateLimiter {
  private final RateLimit limit;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimit limit) {
    this.limit = requireNonNull(limit, "limit is null");
  }

  /** Takes one request from the key's bucket or throws a 429 saying when to retry. */
  public void acquire(String keyId) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw ApiProblem.tooManyRequests(seconds);
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }
}
