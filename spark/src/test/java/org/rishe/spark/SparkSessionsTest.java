package org.rishe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void aBroadcastMayWaitHoursForACoreBehindAnotherEntitysJob() {
    SparkSession spark = TestSparkSessions.shared();

    // Spark's own default is 300 s; a 1,000,000-family ingest's cases waited longer than that
    // behind its observations
    assertThat(Long.parseLong(spark.conf().get(SparkSessions.BROADCAST_TIMEOUT)))
        .isEqualTo(10L * 60 * 60);
  }

  @Test
  void aChosenShuffleCountGrowsWithTheInputAndAGivenOneStays() {
    SparkSession spark = TestSparkSessions.shared();
    String given = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      // the tests' session was given its count: nothing moves
      assertThat(SparkSessions.fitShufflePartitions(spark, 10L << 30))
          .isEqualTo(Integer.parseInt(given));

      // as getOrCreate leaves a local session whose count it chose (4): 773 MB is 12.08 times
      // 64 MB, so 13 partitions; 77 MB would want 2 and keeps 4; exactly 128 MB wants 2
      spark.conf().set(SparkSessions.BASE_SHUFFLE_PARTITIONS, "4");
      assertThat(SparkSessions.fitShufflePartitions(spark, 773L << 20)).isEqualTo(13);
      assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("13");
      assertThat(SparkSessions.fitShufflePartitions(spark, 77L << 20)).isEqualTo(4);
      assertThat(SparkSessions.fitShufflePartitions(spark, 1024L << 20)).isEqualTo(16);
      assertThat(SparkSessions.fitShufflePartitions(spark, 128L << 20)).isEqualTo(4);
    } finally {
      spark.conf().unset(SparkSessions.BASE_SHUFFLE_PARTITIONS);
      spark.conf().set("spark.sql.shuffle.partitions", given);
    }
  }

  @Test
  void jobsRunInsideAPoolAreScheduledFairlyInItAndOthersInTheDefaultPool() throws Exception {
    SparkSession spark = TestSparkSessions.shared();
    SparkContext context = spark.sparkContext();
    assertThat(context.conf().get(SparkSessions.SCHEDULER_MODE)).isEqualTo("FAIR");
    // the pools come from fairscheduler.xml on the classpath, not made up on first use
    assertThat(context.getPoolForName(SchedulerPools.ANALYZE_HEAVY).isDefined()).isTrue();
    assertThat(context.getPoolForName(SchedulerPools.ANALYZE_LIGHT).isDefined()).isTrue();

    List<String> pools = new CopyOnWriteArrayList<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            String pool = start.properties().getProperty(SchedulerPools.POOL_PROPERTY);
            pools.add(pool == null ? "none" : pool);
          }
        };
    context.addSparkListener(listener);
    try {
      // a thread started inside the pool inherits it; the pool is restored afterwards
      SchedulerPools.run(
          context,
          SchedulerPools.ANALYZE_LIGHT,
          () -> {
            spark.range(10).count();
            Thread child = new Thread(() -> spark.range(5).count());
            child.start();
            try {
              child.join();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          });
      spark.range(3).count();
      context.listenerBus().waitUntilEmpty();
    } finally {
      context.removeSparkListener(listener);
    }
    assertThat(pools)
        .containsExactly(SchedulerPools.ANALYZE_LIGHT, SchedulerPools.ANALYZE_LIGHT, "none");
    assertThat(context.getLocalProperty(SchedulerPools.POOL_PROPERTY)).isNull();
  }
}
