package org.rishe.spark;

import static java.util.Objects.requireNonNull;

import org.apache.spark.SparkContext;

/**
 * The fair scheduler pools work of one run shares the cores through ({@code fairscheduler.xml} on
 * the classpath; {@code spark.scheduler.mode} is {@code FAIR} unless the user set it, {@link
 * SparkSessions}). Jobs run from a thread inside {@link #run} go to its pool, and so do those of
 * threads it starts meanwhile (Spark's job properties are inherited). Under first-in-first-out
 * scheduling the analyze's heavy lane, whose programme-impact estimates are tasks of minutes that
 * mostly run one at a time (each holds most of the heap), kept both cores' task slots while the
 * light lane's short jobs queued behind it, and the machine's second core idled.
 */
public final class SchedulerPools {
  /** The analyze's heavy lane: its heavy steps, one after another. */
  public static final String ANALYZE_HEAVY = "analyze-heavy";

  /** The analyze's light lane: the light steps beside the heavy ones, then any heavy step left. */
  public static final String ANALYZE_LIGHT = "analyze-light";

  static final String POOL_PROPERTY = "spark.scheduler.pool";

  private SchedulerPools() {}

  /** Runs {@code work} with this thread's Spark jobs in {@code pool}, then restores the pool. */
  public static void run(SparkContext spark, String pool, Runnable work) {
    requireNonNull(spark, "spark is null");
    requireNonNull(pool, "pool is null");
    requireNonNull(work, "work is null");
    String previous = spark.getLocalProperty(POOL_PROPERTY);
    spark.setLocalProperty(POOL_PROPERTY, pool);
    try {
      work.run();
    } finally {
      spark.setLocalProperty(POOL_PROPERTY, previous);
    }
  }
}
