package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.causal.DiscreteData;

/** Grouping patterns by some of their codes, against grouping by the codes spelt out as text. */
class PatternGroupsTest {
  /**
   * Fifty variables of three codes: 3^50 keys overflow a long, so the keys are renumbered on the
   * way. Patterns repeat on the variables grouped by but differ in the last one.
   */
  @Test
  void groupsAreTheDistinctCodesOfTheVariablesReadWithTheirWeightsSummed() {
    int variables = 51;
    List<String> names = IntStream.range(0, variables).mapToObj(v -> "v" + v).toList();
    int[] cardinalities = new int[variables];
    Arrays.fill(cardinalities, 3);
    SplittableRandom random = new SplittableRandom(5);
    int[][] prototypes = new int[40][variables];
    for (int[] prototype : prototypes) {
      Arrays.setAll(prototype, variable -> random.nextInt(3));
    }
    List<int[]> patterns = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int[] prototype : prototypes) {
      for (int last = 0; last < 3; last++) {
        int[] pattern = prototype.clone();
        pattern[variables - 1] = last;
        if (patterns.stream().noneMatch(seen -> Arrays.equals(seen, pattern))) {
          patterns.add(pattern);
          counts.add(1L + random.nextInt(9));
        }
      }
    }
    DiscreteData data =
        DiscreteData.fromPatternCounts(
            names,
            cardinalities,
            patterns.toArray(int[][]::new),
            counts.stream().mapToLong(Long::longValue).toArray());
    int[] units = IntStream.range(0, data.patternCount()).filter(p -> p % 7 != 3).toArray();
    int[] read = IntStream.range(0, variables - 1).toArray();

    PatternGroups groups = PatternGroups.of(data, units, read);

    Map<String, Double> expected = new LinkedHashMap<>();
    for (int unit : units) {
      StringBuilder key = new StringBuilder();
      for (int variable : read) {
        key.append(data.code(unit, variable));
      }
      expected.merge(key.toString(), data.weight(unit), Double::sum);
    }
    assertThat(groups.size()).isEqualTo(expected.size());
    assertThat(groups.weights())
        .containsExactly(expected.values().stream().mapToDouble(Double::doubleValue).toArray());
    for (int group = 0; group < groups.size(); group++) {
      StringBuilder key = new StringBuilder();
      for (int variable : read) {
        key.append(groups.codes(variable)[group]);
      }
      assertThat(key.toString()).isEqualTo(new ArrayList<>(expected.keySet()).get(group));
    }

    // Split by the last variable as well: each finer group lies in the coarse group of its codes.
    PatternGroups finer = groups.refine(new int[] {variables - 1});
    assertThat(finer.refines(groups)).isTrue();
    assertThat(groups.refines(finer)).isFalse();
    assertThat(finer.totalWeight()).isEqualTo(groups.totalWeight());
    int[] holders = finer.groupsIn(groups);
    double[] summed = new double[groups.size()];
    for (int group = 0; group < finer.size(); group++) {
      summed[holders[group]] += finer.weights()[group];
      for (int variable : read) {
        assertThat(finer.codes(variable)[group]).isEqualTo(groups.codes(variable)[holders[group]]);
      }
    }
    assertThat(summed).containsExactly(groups.weights());
    assertThatThrownBy(() -> groups.groupsIn(finer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constantIndicatorsAreFoundOverTheGroups() {
    DiscreteData data =
        DiscreteData.fromPatternCounts(
            List.of("a", "b"),
            new int[] {3, 3},
            new int[][] {{0, 1}, {1, 1}, {0, 0}},
            new long[] {2, 3, 4});

    PatternGroups groups = PatternGroups.of(data, new int[] {0, 1}, new int[] {0, 1});

    assertThat(groups.isConstant(1, 1)).isTrue();
    assertThat(groups.isConstant(1, 2)).isTrue();
    assertThat(groups.isConstant(0, 1)).isFalse();
    assertThatThrownBy(() -> PatternGroups.of(data, new int[] {0}, new int[] {0}).isConstant(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not one the patterns are grouped by");
  }
}
