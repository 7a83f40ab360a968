package org.rishe.analytics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the steps of an analyze run in two lanes: the heavy steps ({@link AnalysisStep#heavy()}) one
 * after another in one, the light ones one after another in the other, each lane in the steps'
 * order; a light lane that has run all its steps then takes the next heavy step not yet started. On
 * a small warehouse most of a step's time is Spark's fixed cost per query (planning, code
 * generation, scheduling a job's tasks), during which the driver's other core idles; a second lane
 * fills it. On a large one the light steps' aggregations run beside the heavy steps' work, and once
 * they are done the next heavy step runs beside the current one: programme impact's large estimates
 * hold most of the heap one at a time ({@code HeapReservation}), so the second core would otherwise
 * idle through them. What a heavy step holds in its own arrays is reserved from the one budget of
 * the JVM, so two heavy steps at once wait for each other's room, not fail.
 *
 * <p>A step that fails stops its lane, and the other lane starts no further step; the failure is
 * rethrown (as thrown) once both lanes have stopped, so nothing of the run is still being written
 * when the caller goes on.
 */
final class StepLanes {
  /** The lane a step runs in: its Spark jobs go to that lane's scheduler pool. */
  enum Lane {
    HEAVY,
    LIGHT
  }

  /** Runs one step, given its index among all the steps and the lane running it. */
  interface Runner {
    void run(int index, AnalysisStep step, Lane lane);
  }

  /**
   * The system property that, set to {@code 1}, runs every step one after another in one lane (as
   * before the lanes; for comparison, or a heap too small for two steps at once).
   */
  static final String LANES_PROPERTY = "rishe.analyze.lanes";

  private StepLanes() {}

  /**
   * Runs {@code steps} as described above, in one lane if {@link #LANES_PROPERTY} is {@code 1};
   * returns when all have run, or throws the failure.
   */
  static void run(List<AnalysisStep> steps, Runner runner) {
    run(steps, runner, !"1".equals(System.getProperty(LANES_PROPERTY, "2").trim()));
  }

  /** Runs {@code steps} in two lanes if {@code twoLanes}, else one after another. */
  static void run(List<AnalysisStep> steps, Runner runner, boolean twoLanes) {
    Queue<Integer> heavy = new ConcurrentLinkedQueue<>();
    List<Integer> light = new ArrayList<>();
    for (int index = 0; index < steps.size(); index++) {
      if (steps.get(index).heavy()) {
        heavy.add(index);
      } else {
        light.add(index);
      }
    }
    if (!twoLanes || heavy.isEmpty() || light.isEmpty()) {
      for (int index = 0; index < steps.size(); index++) {
        AnalysisStep step = steps.get(index);
        runner.run(index, step, step.heavy() ? Lane.HEAVY : Lane.LIGHT);
      }
      return;
    }
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService lanes =
        Executors.newFixedThreadPool(2, work -> new Thread(work, "rishe-analyze-lane"));
    try {
      List<Future<?>> running = new ArrayList<>();
      running.add(lanes.submit(() -> runLane(steps, List.of(), heavy, Lane.HEAVY, runner, failed)));
      running.add(lanes.submit(() -> runLane(steps, light, heavy, Lane.LIGHT, runner, failed)));
      Throwable firstFailure = null;
      for (Future<?> lane : running) {
        try {
          Awaited.result(lane, "running the analyze steps");
        } catch (RuntimeException | Error e) {
          if (firstFailure == null) {
            firstFailure = e;
          } else if (firstFailure != e) {
            firstFailure.addSuppressed(e);
          }
        }
      }
      if (firstFailure instanceof RuntimeException failure) {
        throw failure;
      }
      if (firstFailure instanceof Error failure) {
        throw failure;
      }
    } finally {
      lanes.shutdownNow();
    }
  }

  /**
   * Runs {@code own} in order, then heavy steps taken from {@code heavy} until none is left; stops
   * before the next step once a step of either lane has failed.
   */
  private static void runLane(
      List<AnalysisStep> steps,
      List<Integer> own,
      Queue<Integer> heavy,
      Lane lane,
      Runner runner,
      AtomicBoolean failed) {
    Iterator<Integer> next = own.iterator();
    while (!failed.get()) {
      Integer index = next.hasNext() ? next.next() : heavy.poll();
      if (index == null) {
        return;
      }
      try {
        runner.run(index, steps.get(index), lane);
      } catch (RuntimeException | Error e) {
        failed.set(true);
        throw e;
      }
    }
  }
}
