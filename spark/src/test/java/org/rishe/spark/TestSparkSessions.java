package org.rishe.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession shared by every test of a JVM: two cores, one shuffle partition, no adaptive
 * execution, no UI, on loopback, with the settings of {@link SparkSessions}. Test code only: the
 * Spark modules' tests reach it through this module's test-jar ({@code <type>test-jar</type>}, test
 * scope).
 *
 * <p>Expressions and plans run interpreted ({@link #INTERPRETED}), not as generated and compiled
 * Java: a test's tables hold a few thousand rows, so compiling the code costs far more than running
 * it (ingest's tests took 13% less CPU so). Spark's own test suites run both ways. The generated
 * code is still tested: {@code bin/rishe} and {@code spark-submit} keep Spark's defaults, and the
 * app module's {@code ClusterModeIT} compares a cluster run of the packaged jar with its defaults
 * to a local run of this session.
 */
public final class TestSparkSessions {
  private TestSparkSessions() {}

  /**
   * Spark's settings for running expressions and plans without code generation (its internal {@code
   * spark.sql.codegen.factoryMode}, as its own tests use it, and no whole-stage code).
   */
  public static final Map<String, Object> INTERPRETED =
      Map.of(
          "spark.sql.codegen.factoryMode", "NO_CODEGEN", "spark.sql.codegen.wholeStage", "false");

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
                .config(INTERPRETED)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1"))
        .getOrCreate();
  }
}
