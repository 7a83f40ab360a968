package org.rishe.analytics;

import java.util.List;
import java.util.Set;
import org.rishe.common.contract.Entity;

/**
 * One capability of an analyze run, such as the researcher cubes or programme impact. {@link
 * AnalyzeJob} runs the steps of a run in order on one {@link AnalysisContext}: a step reads the
 * run's pinned curated tables from it, writes each result table it declares in {@link #publishes()}
 * through its {@link org.rishe.analytics.publish.ResultsPublisher}, and records there how each
 * table was computed and the settings it used, which the run's manifest keeps. The work itself
 * stays in the capability's pure transforms; a step only reads, sequences and writes.
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
}
