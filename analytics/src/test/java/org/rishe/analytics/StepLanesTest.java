package org.rishe.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rishe.common.contract.Entity;

class StepLanesTest {
  /** A step that does nothing itself; the test's runner does the work. */
  private record Step(String name, boolean heavy) implements AnalysisStep {
    @Override
    public Set<Entity> reads() {
      return Set.of();
    }

    @Override
    public List<String> publishes() {
      return List.of();
    }

    @Override
    public void run(AnalysisContext context) {}
  }

  private static final List<AnalysisStep> STEPS =
      List.of(
          new Step("light 1", false),
          new Step("heavy 1", true),
          new Step("light 2", false),
          new Step("heavy 2", true),
          new Step("light 3", false));

  @Test
  void heavyStepsRunOneAtATimeInOrderAndTheLightOnesBesideThem() {
    List<String> started = new CopyOnWriteArrayList<>();
    AtomicInteger heavyRunning = new AtomicInteger();
    AtomicInteger mostHeavyAtOnce = new AtomicInteger();
    // the first heavy step waits until a light one has started: the lanes overlap
    CountDownLatch lightStarted = new CountDownLatch(1);
    StepLanes.run(
        STEPS,
        (index, step) -> {
          started.add(index + " " + step.name());
          if (step.heavy()) {
            mostHeavyAtOnce.accumulateAndGet(heavyRunning.incrementAndGet(), Math::max);
            await(lightStarted);
            heavyRunning.decrementAndGet();
          } else {
            lightStarted.countDown();
          }
        },
        true);

    assertThat(started)
        .containsExactlyInAnyOrder("0 light 1", "1 heavy 1", "2 light 2", "3 heavy 2", "4 light 3");
    assertThat(started.stream().filter(line -> line.contains("heavy")))
        .containsExactly("1 heavy 1", "3 heavy 2");
    assertThat(started.stream().filter(line -> line.contains("light")))
        .containsExactly("0 light 1", "2 light 2", "4 light 3");
    assertThat(mostHeavyAtOnce).hasValue(1);
  }

  @Test
  void oneLaneRunsTheStepsInTheirOrder() {
    List<String> started = new CopyOnWriteArrayList<>();
    StepLanes.run(STEPS, (index, step) -> started.add(step.name()), false);

    assertThat(started).containsExactly("light 1", "heavy 1", "light 2", "heavy 2", "light 3");
  }

  @Test
  void aFailedStepStopsBothLanesAndIsRethrownOnceTheyHaveStopped() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Thread> heavyLane =
        new java.util.concurrent.atomic.AtomicReference<>();
    CountDownLatch lightStarted = new CountDownLatch(1);
    IllegalStateException failure = new IllegalStateException("heavy 1 failed");

    assertThatThrownBy(
            () ->
                StepLanes.run(
                    STEPS,
                    (index, step) -> {
                      if (step.name().equals("heavy 1")) {
                        // fails while the light lane's first step is running (a timed wait, so
                        // its thread is not WAITING until it is back in its pool)
                        heavyLane.set(Thread.currentThread());
                        await(lightStarted);
                        throw failure;
                      }
                      lightStarted.countDown();
                      // and that step ends only once the heavy lane has failed and gone back to
                      // its pool to wait
                      while (heavyLane.get() == null
                          || heavyLane.get().getState() != Thread.State.WAITING) {
                        Thread.onSpinWait();
                      }
                      ran.add(step.name());
                    },
                    true))
        .isSameAs(failure);
    // light 1 finished; no step started after the failure
    assertThat(ran).containsExactly("light 1");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
