package org.rishe.analytics.occasions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.common.occasions.Occasions;

/** Comparison days and overlaps, counted by hand on the 2024 calendar. */
class OccasionPeriodTest {
  private static final List<OccasionPeriod> PERIODS_2024 =
      OccasionPeriod.within(
          Occasions.windows(2023, 2025), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

  private static OccasionPeriod period(String code) {
    return PERIODS_2024.stream()
        .filter(p -> p.window().occasion().code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theComparisonLeavesOutEveryOtherOccasionsWindow() {
    // Eid al-Fitr 1445 is 10-11 April 2024. The 56 days before it, 14 February to 9 April, hold
    // Ramadan (11 March to 9 April, 30 days, Nowruz inside it): 26 days are left. The 56 days
    // after, 12 April to 6 June, hold no occasion.
    OccasionPeriod eid = period("eid_al_fitr");

    assertThat(eid.comparisonDays()).hasSize(26 + 56);
    assertThat(eid.comparisonDays().get(0)).isEqualTo(LocalDate.of(2024, 2, 14));
    assertThat(eid.comparisonDays().get(25)).isEqualTo(LocalDate.of(2024, 3, 10));
    assertThat(eid.comparisonDays().get(26)).isEqualTo(LocalDate.of(2024, 4, 12));
    assertThat(eid.comparisonDays().get(81)).isEqualTo(LocalDate.of(2024, 6, 6));
  }

  @Test
  void overlappingWindowsNameEachOther() {
    assertThat(period("nowruz").overlaps()).containsExactly("ramadan");
    assertThat(period("ramadan").overlaps()).containsExactly("nowruz");
    assertThat(period("muharram").overlaps()).isEmpty();
  }

  @Test
  void onlyWindowsInsideTheSpanAreComparedAndTheComparisonStopsAtItsEdges() {
    // 2024 holds every window starting that year; Yalda (14-20 December) keeps its 56 days before
    // and the 11 days after it up to 31 December
    assertThat(PERIODS_2024).hasSize(Occasions.CATALOGUE.size());
    assertThat(period("yalda").comparisonDays()).hasSize(56 + 11);
    List<OccasionPeriod> fromApril =
        OccasionPeriod.within(
            Occasions.windows(2023, 2025), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 12, 31));
    assertThat(fromApril)
        .extracting(p -> p.window().occasion().code())
        .doesNotContain("ramadan", "nowruz")
        .contains("eid_al_fitr", "yalda");
  }
}
