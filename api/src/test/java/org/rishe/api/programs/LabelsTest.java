package org.rishe.api.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.api.results.DashboardRun;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.RootCauseResults;

/** The names a programme's outcomes and covariates are served with, in English and Persian. */
class LabelsTest {
  private static final PublishedRun RUN =
      new PublishedRun(
          "run-1",
          "2026-12-05T00:00:00Z",
          List.of(
              new PublishedRun.IndicatorRow(
                  "out_of_school", "factor", "education", "Out of school", "بازمانده از تحصیل"),
              new PublishedRun.IndicatorRow(
                  "school_absence_days", "factor", "education", "Days absent", null),
              new PublishedRun.IndicatorRow("parent_addiction", "factor", "family", null, null)),
          List.of(),
          DashboardRun.empty(),
          List.of(),
          List.of(),
          List.of(),
          RootCauseResults.empty(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(new PublishedRun.RegionRow("R02", "Green Valley", "دره سبز", null, null)));

  @Test
  void catalogueLabelsInTheLanguageAskedElseTheOther() {
    Labels english = new Labels(RUN, false);
    Labels persian = new Labels(RUN, true);

    assertThat(english.of("out_of_school")).isEqualTo("Out of school");
    assertThat(persian.of("out_of_school")).isEqualTo("بازمانده از تحصیل");
    assertThat(persian.of("school_absence_days")).isEqualTo("Days absent");
    assertThat(english.of("parent_addiction")).isNull();
    assertThat(english.of("no_such_code")).isNull();
  }

  @Test
  void theDesignsOwnCovariatesAreNamedAroundTheCatalogues() {
    Labels english = new Labels(RUN, false);
    Labels persian = new Labels(RUN, true);

    assertThat(english.of("age_squared")).isEqualTo("Age squared");
    assertThat(persian.of("female")).isEqualTo("دختر یا زن");
    assertThat(english.of("region_R02")).isEqualTo("Region Green Valley");
    assertThat(persian.of("region_R02")).isEqualTo("منطقه دره سبز");
    assertThat(english.of("region_R09")).isEqualTo("Region R09");
    assertThat(english.of("out_of_school_missing")).isEqualTo("Out of school (not recorded)");
    assertThat(english.of("out_of_school_and_school_absence_days_missing"))
        .isEqualTo("Out of school and Days absent (not recorded)");
    assertThat(persian.of("out_of_school_missing")).isEqualTo("بازمانده از تحصیل (ثبت‌نشده)");
    assertThat(english.of("parent_addiction_missing")).isNull();
  }
}
