package org.rishe.analytics.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.surveillance.EarsOptions;

class HotspotTransformsTest {
  @Test
  void monthsWithoutCasesCountAsZeroInEverySeries() {
    // R01 has a case in each of ten months; R02 only in the first and the tenth (5 cases). Both
    // series run over the same ten months, so R02's tenth month is judged on eight silent months
    // before it (seven in the baseline, zero mean, deviation floored at 1): score 5.
    List<MonthlyCount> counts = new ArrayList<>();
    YearMonth first = YearMonth.of(2024, 1);
    for (int month = 0; month < 10; month++) {
      counts.add(new MonthlyCount("R01", "malnutrition", first.plusMonths(month), 2));
    }
    counts.add(new MonthlyCount("R02", "malnutrition", first, 1));
    counts.add(new MonthlyCount("R02", "malnutrition", first.plusMonths(9), 5));

    List<Hotspot> hotspots = HotspotTransforms.detect(counts, EarsOptions.defaults());

    assertThat(hotspots).hasSize(2);
    Hotspot quiet = hotspots.get(0);
    assertThat(quiet.region()).isEqualTo("R01");
    assertThat(quiet.point().month()).isEqualTo(YearMonth.of(2024, 10));
    assertThat(quiet.point().flagged()).isFalse();
    Hotspot rising = hotspots.get(1);
    assertThat(rising.region()).isEqualTo("R02");
    assertThat(rising.point().observed()).isEqualTo(5);
    assertThat(rising.point().expected()).isCloseTo(1.0 / 7, within(1e-12));
    assertThat(rising.point().flagged()).isTrue();
  }

  @Test
  void noCasesGiveNoHotspots() {
    assertThat(HotspotTransforms.detect(List.of(), EarsOptions.defaults())).isEmpty();
  }
}
