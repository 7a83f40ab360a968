package org.rishe.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarMonthsTest {
  @Test
  void nowruzStartsFarvardinAndTheDayBeforeIsEsfand() {
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2024, 3, 20))).isEqualTo("1403-01");
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2024, 3, 19))).isEqualTo("1402-12");
  }

  @Test
  void thirtyOneDayMonthsGiveWayToThirtyDayMonthsAtMehr() {
    // 1 Mehr 1403 is 22 September 2024; 31 Shahrivar is the day before.
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2024, 9, 21))).isEqualTo("1403-06");
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2024, 9, 22))).isEqualTo("1403-07");
  }

  @Test
  void leapEsfandHasAThirtiethDay() {
    // 1403 is a leap year: 30 Esfand 1403 is 20 March 2025, Nowruz 1404 the day after.
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2025, 3, 20))).isEqualTo("1403-12");
    assertThat(CalendarMonths.jalaliMonth(LocalDate.of(2025, 3, 21))).isEqualTo("1404-01");
  }
}
