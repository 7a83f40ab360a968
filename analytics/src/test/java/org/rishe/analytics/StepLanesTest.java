package org.rishe.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  void theLightStepsRunInTheirOrderInTheirLaneBesideTheHeavyOnes() {
    List<String> started = new CopyOnWriteArrayList<>();
    // the first heavy step waits until a light one has started: the lanes overlap
    CountDownLatch lightStarted = new CountDownLatch(1);
    StepLanes.run(
        STEPS,
        (index, step, lane) -> {
          started.add(index + " " + step.name());
          if (step.heavy()) {
            await(lightStarted);
          } else {
            assertThat(lane).isEqualTo(StepLanes.Lane.LIGHT);
            lightStarted.countDown();
          }
        },
        true);

    assertThat(started)
        .containsExactlyInAnyOrder("0 light 1", "1 heavy 1", "2 light 2", "3 heavy 2", "4 light 3");
    assertThat(started.stream().filter(line -> line.contains("light")))
        .containsExactly("0 light 1", "2 light 2", "4 light 3");
  }

  @Test
  void theLightLaneOnceDoneRunsTheNextHeavyStepBesideTheRunningOne() {
    Map<String, StepLanes.Lane> lanes = new java.util.concurrent.ConcurrentHashMap<>();
    // the light steps wait until the heavy lane has taken the first heavy step, which ends only
    // once the second has started: the light lane, done with its own, must have taken it
    CountDownLatch firstHeavyStarted = new CountDownLatch(1);
    CountDownLatch secondHeavyStarted = new CountDownLatch(1);
    StepLanes.run(
        STEPS,
        (index, step, lane) -> {
          lanes.put(step.name(), lane);
          if (step.name().equals("heavy 1")) {
            firstHeavyStarted.countDown();
            await(secondHeavyStarted);
          } else if (step.name().equals("heavy 2")) {
            secondHeavyStarted.countDown();
          } else {
            await(firstHeavyStarted);
          }
        },
        true);

    assertThat(lanes)
        .containsEntry("heavy 1", StepLanes.Lane.HEAVY)
        .containsEntry("heavy 2", StepLanes.Lane.LIGHT)
        .containsEntry("light 3", StepLanes.Lane.LIGHT);
  }

  @Test
  void oneLaneRunsTheStepsInTheirOrder() {
    List<String> started = new CopyOnWriteArrayList<>();
    StepLanes.run(STEPS, (index, step, lane) -> started.add(step.name()), false);

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
                    (index, step, lane) -> {
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
