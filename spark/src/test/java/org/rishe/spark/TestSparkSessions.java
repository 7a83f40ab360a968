package org.rishe.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession shared by every test of a JVM: two cores, one shuffle partition, no adaptive
 * execution, no UI, on loopback, with the settings of {@link SparkSessions}. Test code only: the
 * Spark modules' tests reach it through this module's test-jar ({@code <type>test-jar</type>}, test
 * scope).
 */
public final class TestSparkSessions {
  private TestSparkSessions() {}

  /** The session, created on first use and shared by every later caller in the JVM. */
  public static SparkSession shared() {
    return SparkSessions.configure(
            SparkSession.builder()
                .appName("rishe-tests")
                .master("local[2]")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.default.parallelism", "2")
                // as bin/rishe runs on one machine (SparkSessions.getOrCreate): one shuffle
                // partition leaves adaptive execution nothing to do but a job per query stage
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1"))
        .getOrCreate();
  }
}
