package org.rishe.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.api.bench.DashboardBrowser.Timing;
import org.rishe.api.bench.TimingReport.Step;

/**
 * The benchmark's verdict: a step is judged by the median of its warm rounds, the cold one apart.
 */
class TimingReportTest {
  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(TimingReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(TimingReport.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void aSlowColdRoundAloneDoesNotFailAStepButASlowWarmMedianDoes() {
    TimingReport report = new TimingReport();
    Step coldOnly = new Step("planner", "en", "leadership: opened (page load)");
    Step slow = new Step("planner", "fa", "leadership: region");
    // cold 5 s, then warm 200, 900, 300 ms: warm median 300 ms
    for (double ms : new double[] {5000, 200, 900, 300}) {
      report.add(coldOnly, new Timing(ms, List.of()));
    }
    // cold 100 ms, then warm 1,200, 800, 1,000 ms: warm median 1,000 ms, at the limit
    for (double ms : new double[] {100, 1200, 800, 1000}) {
      report.add(slow, new Timing(ms, List.of()));
    }
    assertThat(report.slowerThan(1000)).containsExactly(slow);
    assertThat(report.failed()).isFalse();
  }
}
