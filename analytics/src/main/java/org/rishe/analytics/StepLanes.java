package org.rishe.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the steps of an analyze run in two lanes: the heavy steps ({@link AnalysisStep#heavy()}) one
 * after another in one, the light ones one after another in the other, each lane in the steps'
 * order. On a small warehouse most of a step's time is Spark's fixed cost per query (planning, code
 * generation, scheduling a job's tasks), during which the driver's other core idles; a second lane
 * fills it. On a large one the light steps' aggregations run beside the heavy steps' work, while
 * two heavy steps, each of which may hold much of the population in memory, never run at once.
 *
 * <p>A step that fails stops its lane, and the other lane starts no further step; the failure is
 * rethrown (as thrown) once both lanes have stopped, so nothing of the run is still being written
 * when the caller goes on.
 */
final class StepLanes {
  /** Runs one step, given its index among all the steps. */
  interface Runner {
    void run(int index, AnalysisStep step);
  }

  /**
   * The system property that, set to {@code 1}, runs every step one after another in one lane (as
   * before the lanes; for comparison, or a heap too small for a light step beside a heavy one).
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
    List<Integer> heavy = new ArrayList<>();
    List<Integer> light = new ArrayList<>();
    for (int index = 0; index < steps.size(); index++) {
      (steps.get(index).heavy() ? heavy : light).add(index);
    }
    if (!twoLanes || heavy.isEmpty() || light.isEmpty()) {
      for (int index = 0; index < steps.size(); index++) {
        runner.run(index, steps.get(index));
      }
      return;
    }
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService lanes =
        Executors.newFixedThreadPool(2, work -> new Thread(work, "rishe-analyze-lane"));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (List<Integer> lane : List.of(heavy, light)) {
        running.add(lanes.submit(() -> runLane(steps, lane, runner, failed)));
      }
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

  private static void runLane(
      List<AnalysisStep> steps, List<Integer> lane, Runner runner, AtomicBoolean failed) {
    for (int index : lane) {
      if (failed.get()) {
        return;
      }
      try {
        runner.run(index, steps.get(index));
      } catch (RuntimeException | Error e) {
        failed.set(true);
        throw e;
      }
    }
  }
}
