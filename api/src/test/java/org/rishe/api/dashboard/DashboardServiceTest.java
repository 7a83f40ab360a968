package org.rishe.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.DashboardRun.DurationRow;
import org.rishe.api.results.DashboardRun.MonthlyRow;

/** A trend month by month, each point summed by hand from the rows below. */
class DashboardServiceTest {
  private static final String DAYS = "days_to_resolution";

  // cases opened: January R01 4 and R02 1, March R01 2; a Jalali row the Gregorian query skips
  // days to resolution: January R01 3, 3 and 10 days (median 3), March R01 5 and 7 (median 6)
  private static final DashboardRun RUN =
      new DashboardRun(
          List.of(
              opened("gregorian", "2024-01", "R01", 4),
              opened("gregorian", "2024-01", "R02", 1),
              opened("gregorian", "2024-03", "R01", 2),
              opened("jalali", "1402-11", "R01", 4)),
          List.of(
              new DurationRow("gregorian", "2024-01", "R01", DAYS, 3, 2),
              new DurationRow("gregorian", "2024-01", "R01", DAYS, 10, 1),
              new DurationRow("gregorian", "2024-03", "R01", DAYS, 5, 1),
              new DurationRow("gregorian", "2024-03", "R01", DAYS, 7, 1)),
          List.of(),
          List.of(),
          Map.of(),
          Map.of());

  @Test
  void eachMonthOfTheDataIsAPointWithZerosBetween() {
    assertThat(values(query(null, null, null), "casesOpened")).containsExactly(5L, 0L, 2L);
    assertThat(values(query(null, null, "R01"), "casesOpened")).containsExactly(4L, 0L, 2L);
    assertThat(values(query("2024-02", "2024-04", null), "casesOpened"))
        .containsExactly(0L, 2L, 0L);
  }

  @Test
  void aMedianIsTakenOverItsOwnMonthsDurations() {
    assertThat(values(query(null, null, null), "medianDaysToResolution"))
        .containsExactly(3.0, null, 6.0);
  }

  private static List<Number> values(DashboardQuery query, String metric) {
    List<DashboardService.Point> points =
        DashboardService.trend(RUN, query, metric, null, DashboardService.MAX_PERIODS);
    return Arrays.asList(points.stream().map(DashboardService.Point::value).toArray(Number[]::new));
  }

  private static DashboardQuery query(String from, String to, String region) {
    return new DashboardQuery("gregorian", from, to, region);
  }

  private static MonthlyRow opened(String calendar, String month, String region, long cases) {
    return new MonthlyRow(calendar, month, region, 0, 0, cases, 0, 0, 0, 0, 0, 0.0);
  }
}
