package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain a -> b -> c with b unobserved (code 2) for half the rows at random. Counts are the exact
 * expectations for 16,000 rows: a is a fair coin, b copies a with probability 0.75, c copies b with
 * probability 0.75. Given b, a and c are independent, so the observed strata of b hold exactly
 * independent tables.
 */
class TestWiseDeletionTest {
  private static final List<String> NAMES = List.of("a", "b", "c");

  private static DiscreteData chainWithHalfOfBMissing() {
    List<int[]> patterns = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    long[][] missing = new long[2][2];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        for (int c = 0; c < 2; c++) {
          // 16,000 x 1/2 x (3/4 or 1/4) x (3/4 or 1/4): whole numbers; half of them observed.
          long count = 8_000L * (a == b ? 3 : 1) * (b == c ? 3 : 1) / 16;
          patterns.add(new int[] {a, b, c});
          counts.add(count / 2);
          missing[a][c] += count / 2;
        }
      }
    }
    for (int a = 0; a < 2; a++) {
      for (int c = 0; c < 2; c++) {
        patterns.add(new int[] {a, 2, c});
        counts.add(missing[a][c]);
      }
    }
    return DiscreteData.fromPatternCounts(
        NAMES,
        new int[] {2, 3, 2},
        patterns.toArray(new int[0][]),
        counts.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void missingAsACategoryDoesNotBlockTheChainButTestWiseDeletionDoes() {
    DiscreteData data = chainWithHalfOfBMissing();
    int[] givenB = {1};

    double asCategory = new GSquareTest(data).pValue(0, 2, givenB);
    double deleted = new GSquareTest(data.withMissingCode(List.of("b"), 2)).pValue(0, 2, givenB);

    // Among the rows with b missing, a and c agree with probability 5/8 (a dependence a G-test
    // on 8,000 rows cannot miss); among the others they are exactly independent given b.
    assertThat(asCategory).isLessThan(1e-10);
    assertThat(deleted).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void deletionLeavesOutOnlyTheRowsMissingATestedVariable() {
    DiscreteData data = chainWithHalfOfBMissing().withMissingCode(List.of("b"), 2);

    // a against b: the 8,000 rows with b observed, one degree of freedom (the missing column is
    // empty). a against c, b untested: all 16,000 rows, where they agree 10,000 times.
    StratifiedTable ab = data.stratifiedTable(0, 1, new int[0]);
    double observedRows = 0;
    for (int b = 0; b < 3; b++) {
      observedRows += ab.count(0, 0, b) + ab.count(0, 1, b);
    }
    assertThat(observedRows).isEqualTo(8_000);
    assertThat(new GSquareTest(data).statistic(ab).degreesOfFreedom()).isEqualTo(1);
    StratifiedTable ac = data.stratifiedTable(0, 2, new int[0]);
    assertThat(ac.count(0, 0, 0) + ac.count(0, 1, 1)).isEqualTo(10_000);
  }

  @Test
  void aMissingCodeMustBeACodeOfAKnownVariable() {
    assertThatThrownBy(() -> chainWithHalfOfBMissing().withMissingCode(List.of("a"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot mark code 2 of a as missing: no such variable or code");
  }
}
