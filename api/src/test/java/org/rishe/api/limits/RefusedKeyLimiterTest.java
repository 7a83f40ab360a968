package org.rishe.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rishe.api.error.ApiProblem;

/** The per-address allowance of refused requests, on a clock the test moves. */
class RefusedKeyLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

  private RefusedKeyLimiter limiter(int maxAddresses) {
    return new RefusedKeyLimiter(RefusedKeyLimit.DEFAULT, false, maxAddresses, now::get);
  }

  private void advanceSeconds(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  /** How many refusals the address is allowed now, charging until the first 429. */
  private static int allowed(RefusedKeyLimiter limiter, String address) {
    int allowed = 0;
    while (true) {
      try {
        limiter.charge(address);
        allowed++;
      } catch (ApiProblem tooMany) {
        assertThat(tooMany.status()).isEqualTo(429);
        return allowed;
      }
    }
  }

  @Test
  void aBurstOf40ThenOneEveryThreeSecondsThatIs20AMinute() {
    RefusedKeyLimiter limiter = limiter(RefusedKeyLimiter.MAX_ADDRESSES);

    assertThat(allowed(limiter, "192.0.2.1")).isEqualTo(40);
    advanceSeconds(2);
    assertThat(allowed(limiter, "192.0.2.1")).isZero();
    advanceSeconds(1);
    assertThat(allowed(limiter, "192.0.2.1")).isEqualTo(1);
    advanceSeconds(60);
    assertThat(allowed(limiter, "192.0.2.1")).isEqualTo(20);
    assertThat(allowed(limiter, "192.0.2.2")).as("another address").isEqualTo(40);
  }

  @Test
  void theRetryAfterIsWhenTheNextRefusalIsAllowed() {
    RefusedKeyLimiter limiter = limiter(RefusedKeyLimiter.MAX_ADDRESSES);
    allowed(limiter, "192.0.2.1");

    assertThatThrownBy(() -> limiter.charge("192.0.2.1"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> assertThat(problem.extensions()).containsEntry("retryAfterSeconds", 3L))
        .hasMessageContaining("send a valid key");
  }

  @Test
  void anAddressWhoseAllowanceIsWholeAgainIsForgotten() {
    RefusedKeyLimiter limiter = limiter(RefusedKeyLimiter.MAX_ADDRESSES);
    for (int i = 0; i < 100; i++) {
      limiter.charge("192.0.2." + i);
    }
    assertThat(limiter.addresses()).isEqualTo(100);

    // one refusal is made good in 3 s: by then every address but the next one is idle
    advanceSeconds(3);
    limiter.charge("198.51.100.1");

    assertThat(limiter.addresses()).isEqualTo(1);
  }

  @Test
  void atMostMaxAddressesAreKeptTheLeastRecentlyRefusedGoingFirst() {
    RefusedKeyLimiter limiter = limiter(3);
    for (String address : new String[] {"a", "b", "c", "d", "e"}) {
      allowed(limiter, address);
    }

    assertThat(limiter.addresses()).isEqualTo(3);
    // "a" was dropped, so it starts again with a whole burst; "e" is still throttled
    assertThat(allowed(limiter, "e")).isZero();
    assertThat(allowed(limiter, "a")).isEqualTo(40);
  }
}
