package org.rishe.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
}
