package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/** The m-out-of-n rule, checked on group sizes whose resample sizes are worked out by hand. */
class ResampleSizeTest {
  @Test
  void aSampleWithinTheLimitIsResampledAtFullSize() {
    ResampleSize size = ResampleSize.of(1_190, 2_810, 20_000);

    assertThat(size.isFullSize()).isTrue();
    assertThat(size.treated()).isEqualTo(1_190);
    assertThat(size.controls()).isEqualTo(2_810);
    assertThat(ResampleSize.of(1_000, 3_000, 4_000).isFullSize()).isTrue();
  }

  @Test
  void aLargerSampleIsResampledWithBothGroupsAtTheFractionLimitOverN() {
    // r = 4,000 / 40,000 = 0.1 (the floor 500 / 8,000 is lower): 800 treated, 3,200 controls
    ResampleSize size = ResampleSize.of(8_000, 32_000, 4_000);
    // r = 20,000 / 1,000,000 = 0.02: 2,000 and 18,000
    ResampleSize million = ResampleSize.of(100_000, 900_000, 20_000);

    assertThat(size.isFullSize()).isFalse();
    assertThat(size.treated()).isEqualTo(800);
    assertThat(size.controls()).isEqualTo(3_200);
    assertThat(size.units()).isEqualTo(4_000);
    assertThat(million.treated()).isEqualTo(2_000);
    assertThat(million.controls()).isEqualTo(18_000);
  }

  @Test
  void groupSizesAreRoundedUp() {
    // r = 0.1: ceil(700.1) = 701 treated, ceil(3,299.9) = 3,300 controls
    ResampleSize size = ResampleSize.of(7_001, 32_999, 4_000);

    assertThat(size.treated()).isEqualTo(701);
    assertThat(size.controls()).isEqualTo(3_300);
  }

  @Test
  void theSmallerGroupNeverDropsBelowFiveHundred() {
    // r = max(20,000 / 100,000, 500 / 1,000) = 0.5: 500 treated, 49,500 controls
    ResampleSize fewTreated = ResampleSize.of(1_000, 99_000, 20_000);
    ResampleSize fewControls = ResampleSize.of(99_000, 1_000, 20_000);
    // r = max(1,000 / 6,000, 500 / 245) > 1: full size despite n > limit
    ResampleSize tiny = ResampleSize.of(245, 5_755, 1_000);

    assertThat(fewTreated.treated()).isEqualTo(500);
    assertThat(fewTreated.controls()).isEqualTo(49_500);
    assertThat(fewControls.treated()).isEqualTo(49_500);
    assertThat(fewControls.controls()).isEqualTo(500);
    assertThat(tiny.isFullSize()).isTrue();
    assertThat(tiny.units()).isEqualTo(6_000);
  }

  @Test
  void justAboveTheLimitTheRoundedUpGroupsCanBeTheWholeSampleWhichIsThenFullSize() {
    // r = 20,000 / 20,001: ceil(9,999.5) = 10,000 and ceil(10,000.5) = 10,001
    ResampleSize size = ResampleSize.of(10_000, 10_001, 20_000);

    assertThat(size.isFullSize()).isTrue();
  }

  @Test
  void theIntervalIsThePercentileOneAtFullSizeAndTheRescaledBasicOneBelow() {
    // Replicates 0..100: q2.5 = 2.5, q97.5 = 97.5.
    double[] replicates = new double[101];
    Arrays.setAll(replicates, i -> i);
    double scale = Math.sqrt(4_000.0 / 40_000);

    Estimate full = ResampleSize.of(1_190, 2_810, 20_000).interval(40, replicates);
    Estimate rescaled = ResampleSize.of(8_000, 32_000, 4_000).interval(40, replicates);

    assertThat(full).isEqualTo(new Estimate(40, 2.5, 97.5));
    assertThat(rescaled.low()).isCloseTo(40 - scale * (97.5 - 40), within(1e-12));
    assertThat(rescaled.high()).isCloseTo(40 - scale * (2.5 - 40), within(1e-12));
  }

  @Test
  void emptyGroupsAreRefused() {
    assertThatThrownBy(() -> ResampleSize.of(0, 10, 1_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 treated");
  }
}
