package org.rishe.spark.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.rishe.spark.TestSparkSessions;

class HeapReservationTest {
  private static final long MEGABYTE = 1L << 20;

  @Test
  void reservationsAreAdmittedWhileTheirSumFitsTheBudget() throws Exception {
    HeapReservation.Budget budget = new HeapReservation.Budget(100);
    HeapReservation first = HeapReservation.reserve(budget, 60 * MEGABYTE, null);
    HeapReservation second = HeapReservation.reserve(budget, 40 * MEGABYTE, null);
    assertThat(budget.permits().availablePermits()).isZero();

    CompletableFuture<HeapReservation> third =
        CompletableFuture.supplyAsync(() -> HeapReservation.reserve(budget, 30 * MEGABYTE, null));
    Thread.sleep(100);
    assertThat(third).isNotDone();

    first.close();
    HeapReservation admitted = third.get(5, TimeUnit.SECONDS);
    assertThat(admitted.megabytes()).isEqualTo(30);
    assertThat(budget.permits().availablePermits()).isEqualTo(30);
    second.close();
    admitted.close();
    admitted.close(); // closing twice releases once
    assertThat(budget.permits().availablePermits()).isEqualTo(100);
  }

  @Test
  void aReservationLargerThanTheBudgetWaitsToBeAloneAndTakesItAll() throws Exception {
    HeapReservation.Budget budget = new HeapReservation.Budget(100);
    HeapReservation small = HeapReservation.reserve(budget, 1, null);
    assertThat(small.megabytes()).isEqualTo(1);

    CompletableFuture<HeapReservation> large =
        CompletableFuture.supplyAsync(
            () -> HeapReservation.reserve(budget, 5_000 * MEGABYTE, null));
    Thread.sleep(100);
    assertThat(large).isNotDone();

    small.close();
    try (HeapReservation alone = large.get(5, TimeUnit.SECONDS)) {
      assertThat(alone.megabytes()).isEqualTo(100);
      assertThat(alone.grantedBySpark()).isZero();
    }
    assertThat(budget.permits().availablePermits()).isEqualTo(100);
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThatThrownBy(() -> HeapReservation.reserve(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void insideATaskSparkGrantsTheBytesAsExecutionMemoryUntilTheReservationCloses() {
    JavaSparkContext context = new JavaSparkContext(TestSparkSessions.shared().sparkContext());
    List<Long> granted =
        context
            .parallelize(List.of(1), 1)
            .map(
                ignored -> {
                  try (HeapReservation heap = HeapReservation.reserve(8 * MEGABYTE)) {
                    return heap.grantedBySpark();
                  }
                })
            .collect();

    assertThat(granted).containsExactly(8 * MEGABYTE);
    assertThat(HeapReservation.budgetMegabytes())
        .isEqualTo(
            (int) (Runtime.getRuntime().maxMemory() * HeapReservation.HEAP_SHARE / MEGABYTE));
  }
}
