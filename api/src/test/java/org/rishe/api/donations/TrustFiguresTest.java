package org.rishe.api.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TrustFiguresTest {
  @Test
  void wilsonsIntervalOfThreeInTen() {
    // the textbook value: 0.108 to 0.603 (Newcombe 1998)
    TrustFigures.Interval share = TrustFigures.wilson(3, 10);
    assertThat(share.estimate()).isEqualTo(0.3);
    assertThat(share.low()).isCloseTo(0.10779, within(1e-5));
    assertThat(share.high()).isCloseTo(0.60322, within(1e-5));
  }

  @Test
  void noneOrAllDeliveredHaveTheirBoundExactlyAtZeroOrOne() {
    // 0 of 7: [0, z²/(n+z²)] = [0, 0.3543] (Newcombe 1998, method 3); 7 of 7 mirrors it
    TrustFigures.Interval none = TrustFigures.wilson(0, 7);
    assertThat(none.low()).isEqualTo(0.0);
    assertThat(none.high()).isCloseTo(0.35433, within(1e-5));
    TrustFigures.Interval all = TrustFigures.wilson(7, 7);
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(0.64567, within(1e-5));
  }

  @Test
  void theMediansIntervalIsTheBinomialOrderStatistics() {
    // n = 10: P(X <= 1) = 11/1024 <= 0.025 < P(X <= 2) = 56/1024, so [x(2), x(9)]
    TrustFigures.Interval ten = TrustFigures.median(LongStream.rangeClosed(1, 10).toArray());
    assertThat(ten.estimate()).isEqualTo(5.5);
    assertThat(ten.low()).isEqualTo(2);
    assertThat(ten.high()).isEqualTo(9);
    // n = 5: P(X <= 0) = 1/32 > 0.025: no rank qualifies, the range is the interval
    TrustFigures.Interval five = TrustFigures.median(new long[] {3, 4, 7, 9, 30});
    assertThat(five.estimate()).isEqualTo(7);
    assertThat(five.low()).isEqualTo(3);
    assertThat(five.high()).isEqualTo(30);
    assertThat(TrustFigures.median(new long[] {1, 2, 3, 4})).isNull();
    // n = 100: P(X <= 39) = 0.0176 <= 0.025 < P(X <= 40) = 0.0284, so [x(40), x(61)]
    TrustFigures.Interval hundred = TrustFigures.median(LongStream.rangeClosed(1, 100).toArray());
    assertThat(hundred.low()).isEqualTo(40);
    assertThat(hundred.high()).isEqualTo(61);
  }
}
