package org.rishe.spark.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.rishe.spark.TestSparkSessions;

class JobProgressTest {
  @Test
  void reportsTasksAndFinishedItemsWhileAJobRunsAndRestoresTheJobGroup() {
    SparkContext context = TestSparkSessions.shared().sparkContext();
    context.setJobGroup("caller", "the caller's own group", false);
    LongAccumulator items = context.longAccumulator("items");
    List<String> lines = new CopyOnWriteArrayList<>();
    long sum;
    try (JobProgress watch =
        JobProgress.watch(
            context,
            "slow sums",
            lines::add,
            Duration.ofMillis(50),
            List.of(new JobProgress.Count("items", items::value, 0)))) {
      // 6 tasks of 300 ms on 2 cores: at least one report sees some but not all done
      sum =
          new JavaSparkContext(context)
              .parallelize(List.of(1, 2, 3, 4, 5, 6), 6)
              .map(
                  value -> {
                    Thread.sleep(300);
                    items.add(1);
                    return value;
                  })
              .reduce(Integer::sum);
    }

    assertThat(sum).isEqualTo(21);
    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(line -> assertThat(line).startsWith("  slow sums: ").contains(" of 6 tasks"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("left"));
    assertThat(context.getLocalProperty("spark.jobGroup.id")).isEqualTo("caller");
    assertThat(context.getLocalProperty("spark.job.description"))
        .isEqualTo("the caller's own group");
    context.clearJobGroup();
  }

  @Test
  void aCountWithATotalGivesTheTimeLeftFromItsShareDone() throws Exception {
    SparkContext context = TestSparkSessions.shared().sparkContext();
    LongAccumulator units = context.longAccumulator("units");
    List<String> lines = new CopyOnWriteArrayList<>();
    try (JobProgress watch =
        JobProgress.watch(
            context,
            "weighted",
            lines::add,
            Duration.ofMillis(50),
            List.of(new JobProgress.Count("units", units::value, 1_000)))) {
      // one task does 900 of the 1,000 units at once, the other the rest after a pause
      new JavaSparkContext(context)
          .parallelize(List.of(900, 100), 2)
          .foreach(
              value -> {
                if (value == 100) {
                  Thread.sleep(1_500);
                }
                units.add(value);
                Thread.sleep(500);
              });
    }

    assertThat(lines).anySatisfy(line -> assertThat(line).contains("900 of 1,000 units done"));
    // 900 of 1,000 done: a ninth of the elapsed time left, whatever the tasks say
    assertThat(lines)
        .filteredOn(line -> line.contains("900 of 1,000 units done"))
        .allSatisfy(line -> assertThat(line).contains("about 0 s left"));
    assertThatThrownBy(() -> new JobProgress.Count("units", () -> 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertThat(JobProgress.duration(42.4)).isEqualTo("42 s");
    assertThat(JobProgress.duration(125)).isEqualTo("2 min 05 s");
    assertThat(JobProgress.duration(3 * 3600 + 7 * 60 + 10)).isEqualTo("3 h 07 min");
  }
}
