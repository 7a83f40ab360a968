package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscreteDataTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d");
  private static final int[] CARDINALITIES = {2, 3, 2, 2};

  private static int[][] rows() {
    int[][] rows = new int[60][];
    for (int row = 0; row < rows.length; row++) {
      rows[row] = new int[] {row % 2, row % 3, (row / 5) % 2, (row / 7) % 2};
    }
    return rows;
  }

  @Test
  void identicalRowsAreMergedIntoWeightedPatterns() {
    DiscreteData data =
        DiscreteData.fromRows(
            List.of("a", "b"), new int[] {2, 2}, new int[][] {{0, 1}, {1, 1}, {0, 1}, {0, 1}});

    assertThat(data.patternCount()).isEqualTo(2);
    assertThat(data.totalWeight()).isEqualTo(4.0);
    assertThat(data.weight(0)).isEqualTo(3.0);
  }

  @Test
  void aTableIsCountedOnceAndSharedByBothDirectionsOfATest() {
    DiscreteData data = DiscreteData.fromRows(NAMES, CARDINALITIES, rows());

    StratifiedTable first = data.stratifiedTable(0, 1, new int[] {3, 2});
    StratifiedTable second = data.stratifiedTable(1, 0, new int[] {2, 3});

    assertThat(second.counts()).containsExactly(first.counts());
    assertThat(data.tablesCounted()).isEqualTo(1);
  }

  @Test
  void everyTestOnTheSameVariablesIsArrangedFromOneCountingAndMatchesAHandCount() {
    DiscreteData data =
        DiscreteData.fromRows(NAMES, CARDINALITIES, rows()).withMissingCode(List.of("c"), 1);

    StratifiedTable abGivenC = data.stratifiedTable(0, 1, new int[] {2});
    StratifiedTable acGivenB = data.stratifiedTable(2, 0, new int[] {1});
    StratifiedTable bcGivenA = data.stratifiedTable(1, 2, new int[] {0});

    assertThat(data.tablesCounted()).isEqualTo(1);
    // By hand from the 60 rows, leaving out those with c unobserved (c = 1).
    double[] ab = new double[2 * 2 * 3];
    double[] ac = new double[3 * 2 * 2];
    double[] bc = new double[2 * 3 * 2];
    for (int[] row : rows()) {
      if (row[2] == 1) {
        continue;
      }
      ab[(row[2] * 2 + row[0]) * 3 + row[1]]++;
      ac[(row[1] * 2 + row[0]) * 2 + row[2]]++;
      bc[(row[0] * 3 + row[1]) * 2 + row[2]]++;
    }
    assertThat(abGivenC.counts()).containsExactly(ab);
    assertThat(acGivenB.counts()).containsExactly(ac);
    assertThat(bcGivenA.counts()).containsExactly(bc);
    assertThat(acGivenB.strata()).isEqualTo(3);
    assertThat(acGivenB.cardX()).isEqualTo(2);
    assertThat(acGivenB.cardY()).isEqualTo(2);
  }

  @Test
  void tablesCompletedFromTheRareRowsOfWholeNumberWeightsEqualAHandCount() {
    // Skewed codes, as factors and problems most people do not have, and a missing code.
    List<String> names = List.of("a", "b", "c", "d", "e");
    int[] cardinalities = {2, 3, 3, 2, 5};
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int[][] rows = new int[5_000][];
    for (int row = 0; row < rows.length; row++) {
      rows[row] =
          new int[] {
            random.nextDouble() < 0.9 ? 0 : 1,
            random.nextDouble() < 0.7 ? 0 : random.nextInt(1, 3),
            random.nextInt(3),
            random.nextDouble() < 0.95 ? 1 : 0,
            random.nextDouble() < 0.8 ? 4 : random.nextInt(4)
          };
    }
    DiscreteData data =
        DiscreteData.fromRows(names, cardinalities, rows).withMissingCode(List.of("b"), 2);
    int[][] tests = {{0, 1}, {3, 0, 1}, {4, 2, 0, 3}, {1, 4, 0, 2, 3}, {2, 3, 1, 4, 0}};

    for (int[] test : tests) {
      int[] conditioning = Arrays.copyOfRange(test, 2, test.length);
      StratifiedTable table = data.stratifiedTable(test[0], test[1], conditioning);
      int[] sorted = conditioning.clone();
      Arrays.sort(sorted);
      int x = Math.min(test[0], test[1]);
      int y = Math.max(test[0], test[1]);
      double[] byHand = new double[table.counts().length];
      for (int[] row : rows) {
        boolean unobserved =
            row[1] == 2 && (x == 1 || y == 1 || Arrays.stream(sorted).anyMatch(v -> v == 1));
        if (unobserved) {
          continue;
        }
        int stratum = 0;
        for (int variable : sorted) {
          stratum = stratum * cardinalities[variable] + row[variable];
        }
        byHand[(stratum * cardinalities[x] + row[x]) * cardinalities[y] + row[y]]++;
      }
      assertThat(table.counts()).as(Arrays.toString(test)).containsExactly(byHand);
    }
  }

  @Test
  void aTestOfAVariableWithItselfIsRefused() {
    DiscreteData data = DiscreteData.fromRows(NAMES, CARDINALITIES, rows());

    assertThatThrownBy(() -> data.stratifiedTable(0, 1, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
  }

  @Test
  void tablesCountedFromAPreparedProjectionEqualTablesCountedFromThePatterns() {
    // The 300 patterns project onto 50 combinations of a, b and c.
    List<String> names = List.of("a", "b", "c", "d", "e");
    int[] cardinalities = {10, 10, 10, 4, 3};
    int[][] rows = new int[1_200][];
    for (int row = 0; row < rows.length; row++) {
      int combination = row % 50;
      rows[row] =
          new int[] {combination % 10, (combination * 3) % 10, combination / 10, row % 4, row % 3};
    }
    // Fractional weights (as per-family weights are): whole-number weights ignore the hint.
    DiscreteData counted = DiscreteData.fromRows(names, cardinalities, rows);
    double[] thirds = new double[counted.patternCount()];
    for (int pattern = 0; pattern < thirds.length; pattern++) {
      thirds[pattern] = counted.weight(pattern) / 3;
    }
    DiscreteData direct = counted.withWeights(thirds).withMissingCode(List.of("c"), 2);
    DiscreteData prepared = counted.withWeights(thirds).withMissingCode(List.of("c"), 2);
    assertThat(prepared.patternCount()).isEqualTo(300);
    prepared.prepareJoint(0, new int[] {0, 1, 2});

    long before = prepared.tablesCounted();
    StratifiedTable projected = prepared.stratifiedTable(0, 1, new int[] {2});
    StratifiedTable uncovered = prepared.stratifiedTable(0, 3, new int[] {2});
    prepared.release(0);
    StratifiedTable released = prepared.stratifiedTable(1, 2, new int[0]);

    assertThat(projected.counts())
        .containsExactly(direct.stratifiedTable(0, 1, new int[] {2}).counts());
    assertThat(uncovered.counts())
        .containsExactly(direct.stratifiedTable(0, 3, new int[] {2}).counts());
    assertThat(released.counts())
        .containsExactly(direct.stratifiedTable(1, 2, new int[0]).counts());
    // Only the tables outside the projection, or after its release, scanned every pattern.
    assertThat(prepared.tablesCounted() - before).isEqualTo(2);
  }

  @Test
  void bootstrapWeightsReplaceTheCountsButNotThePatterns() {
    DiscreteData data = DiscreteData.fromRows(NAMES, CARDINALITIES, rows());
    double[] doubled = new double[data.patternCount()];
    for (int pattern = 0; pattern < doubled.length; pattern++) {
      doubled[pattern] = 2 * data.weight(pattern);
    }

    DiscreteData reweighted = data.withWeights(doubled);

    assertThat(reweighted.totalWeight()).isEqualTo(120.0);
    assertThat(reweighted.stratifiedTable(0, 1, new int[0]).count(0, 0, 0))
        .isEqualTo(2 * data.stratifiedTable(0, 1, new int[0]).count(0, 0, 0));
  }

  @Test
  void droppingPatternsOfWeightZeroChangesNoCountAndKeepsMissingCodes() {
    DiscreteData data =
        DiscreteData.fromRows(NAMES, CARDINALITIES, rows()).withMissingCode(List.of("c"), 1);
    double[] everyOther = new double[data.patternCount()];
    for (int pattern = 0; pattern < everyOther.length; pattern += 2) {
      everyOther[pattern] = 3;
    }
    DiscreteData drawn = data.withWeights(everyOther);

    DiscreteData compact = drawn.withoutEmptyPatterns();

    assertThat(compact.patternCount()).isEqualTo((data.patternCount() + 1) / 2);
    assertThat(compact.totalWeight()).isEqualTo(drawn.totalWeight());
    // Stratified by c, whose code 1 means "not observed": only the observed stratum counts.
    assertThat(compact.stratifiedTable(0, 1, new int[] {2}).counts())
        .containsExactly(drawn.stratifiedTable(0, 1, new int[] {2}).counts());
    assertThat(compact.stratifiedTable(1, 3, new int[] {0, 2}).counts())
        .containsExactly(drawn.stratifiedTable(1, 3, new int[] {0, 2}).counts());
    assertThat(compact.stratifiedTable(0, 2, new int[0]).count(0, 0, 1)).isZero();
  }

  @Test
  void aCodeOutsideTheCardinalityIsRejectedWithItsVariable() {
    assertThatThrownBy(
            () -> DiscreteData.fromRows(List.of("region"), new int[] {2}, new int[][] {{2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code 2 of variable region is outside 0..1: recode values to 0-based codes");
  }

  @Test
  void patternsGivenColumnByColumnAreTheSameDataAsPatternsGivenRowByRow() {
    int[][] patterns = {{0, 2, 1, 0}, {1, 0, 0, 1}, {1, 1, 1, 1}};
    long[] counts = {4, 1, 7};
    byte[][] columns = {{0, 1, 1}, {2, 0, 1}, {1, 0, 1}, {0, 1, 1}};

    DiscreteData byRows = DiscreteData.fromPatternCounts(NAMES, CARDINALITIES, patterns, counts);
    DiscreteData byColumns = DiscreteData.fromColumns(NAMES, CARDINALITIES, columns, counts);

    assertThat(byColumns.patternCount()).isEqualTo(3);
    assertThat(byColumns.totalWeight()).isEqualTo(12.0);
    for (int pattern = 0; pattern < patterns.length; pattern++) {
      assertThat(byColumns.weight(pattern)).isEqualTo(counts[pattern]);
      for (int variable = 0; variable < NAMES.size(); variable++) {
        assertThat(byColumns.code(pattern, variable)).isEqualTo(patterns[pattern][variable]);
      }
    }
    // b x d given a, counted by hand from the three patterns
    StratifiedTable table = byColumns.stratifiedTable(1, 3, new int[] {0});
    assertThat(table.count(0, 2, 0)).isEqualTo(4.0);
    assertThat(table.count(1, 0, 1)).isEqualTo(1.0);
    assertThat(table.count(1, 1, 1)).isEqualTo(7.0);
    assertThat(Arrays.stream(table.counts()).sum()).isEqualTo(12.0);
    assertThat(table.counts())
        .containsExactly(byRows.stratifiedTable(1, 3, new int[] {0}).counts());
  }

  @Test
  void aColumnCodeOutsideTheCardinalityIsRejectedWithItsVariable() {
    assertThatThrownBy(
            () ->
                DiscreteData.fromColumns(
                    List.of("sex"), new int[] {2}, new byte[][] {{0, 3}}, new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code 3 of variable sex is outside 0..1: recode values to 0-based codes");
  }
}
