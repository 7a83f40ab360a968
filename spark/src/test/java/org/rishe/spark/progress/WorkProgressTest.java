package org.rishe.spark.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkProgressTest {
  @Test
  void aLineGivesTheUnitsDoneOfAllTheElapsedTimeAndTheTimeLeftAtThatPace() {
    AtomicLong done = new AtomicLong();
    try (WorkProgress watch =
        WorkProgress.watch(
            "stability", "resamples", () -> 30, done::get, l -> {}, Duration.ofHours(1))) {
      assertThat(watch.line(30)).isEqualTo("      stability: 0 of 30 resamples done, 30 s elapsed");
      // nothing moved: no line
      assertThat(watch.line(60)).isNull();
      done.set(12);
      // 12 in 72 s: 6 s each, 18 left
      assertThat(watch.line(72))
          .isEqualTo(
              "      stability: 12 of 30 resamples done, 1 min 12 s elapsed, about 1 min 48 s left");
      done.set(30);
      assertThat(watch.line(180))
          .isEqualTo("      stability: 30 of 30 resamples done, 3 min 00 s elapsed");
    }
  }

  @Test
  void aTotalNotYetKnownGivesTheUnitsDoneAndNoTimeLeft() {
    try (WorkProgress watch =
        WorkProgress.watch("chains", "roots", () -> 0, () -> 1234, l -> {}, Duration.ofHours(1))) {
      assertThat(watch.line(5)).isEqualTo("      chains: 1,234 roots done, 5 s elapsed");
    }
  }

  @Test
  void theWatchReportsOnItsOwnUntilClosed() throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();
    AtomicLong done = new AtomicLong();
    try (WorkProgress watch =
        WorkProgress.watch(
            "work", "parts", () -> 4, done::get, lines::add, Duration.ofMillis(20))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (lines.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0)).startsWith("      work: 0 of 4 parts done, ");
  }
}
