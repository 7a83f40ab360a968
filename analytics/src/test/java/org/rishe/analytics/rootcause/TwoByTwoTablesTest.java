package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact median of a lead-day histogram, worked out by hand. */
class TwoByTwoTablesTest {
  @Test
  void oddCountGivesTheMiddleDay() {
    // days 2, 5, 5, 7, 30: the third is 5
    int[] histogram = histogram(2, 5, 5, 7, 30);
    assertThat(TwoByTwoTables.median(histogram)).isEqualTo(5.0);
  }

  @Test
  void evenCountAveragesTheTwoMiddleDays() {
    // days 0, 3, 8, 100: (3 + 8) / 2
    assertThat(TwoByTwoTables.median(histogram(0, 3, 8, 100))).isEqualTo(5.5);
    // days 4, 4: both middles are 4
    assertThat(TwoByTwoTables.median(histogram(4, 4))).isEqualTo(4.0);
  }

  @Test
  void emptyHistogramHasNoMedian() {
    assertThat(TwoByTwoTables.median(null)).isNull();
    assertThat(TwoByTwoTables.median(new int[10])).isNull();
  }

  private static int[] histogram(int... days) {
    int[] histogram = new int[200];
    for (int day : days) {
      histogram[day]++;
    }
    return histogram;
  }
}
