package org.rishe.analytics;

import java.util.List;
import java.util.Set;
import org.rishe.common.contract.Entity;

/**
 * One capability of an analyze run, such as the researcher cubes or programme impact. {@link
 * AnalyzeJob} runs the steps of a run on one run's {@link AnalysisContext} (the heavy ones in
 * order, the light ones beside them: {@link StepLanes}), so a step must never read another step's
 * results: it reads the run's pinned curated tables from the context, writes each result table it
 * declares in {@link #publishes()} through its {@link
 * org.rishe.analytics.publish.ResultsPublisher}, and records there how each table was computed and
 * the settings it used, which the run's manifest keeps. The work itself stays in the capability's
 * pure transforms; a step only reads, sequences and writes.
 */
public interface AnalysisStep {
  /** A short name for the progress lines, e.g. {@code programme impact}. */
  String name();

  /** The curated tables the step reads. */
  Set<Entity> reads();

  /**
   * The result tables the step publishes, in the order it writes them: exactly these, or the run
   * fails unpublished.
   */
  List<String> publishes();

  /** Computes the step's tables and writes them through the context's publisher. */
  void run(AnalysisContext context);

  /**
   * Whether the step holds a large part of the population in the executors' memory at scale
   * (programme impact's groups, root causes' timelines). {@link AnalyzeJob} starts heavy steps one
   * after another in their order and runs the light ones beside them; once the light ones are done,
   * the next heavy step runs beside the current one. A heavy step therefore keeps what it holds in
   * its own arrays within a {@code HeapReservation} (the JVM's one budget, which two steps share by
   * waiting for each other) or in Spark's own memory, which spills.
   */
  default boolean heavy() {
    return false;
  }
}
