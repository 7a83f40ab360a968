package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainModelsDesignTest {
  @Test
  void eachRowListsItsInterceptThenTheColumnsWhereItIsOneInOrder() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int width = 1 + random.nextInt(12);
      int groups = 1 + random.nextInt(300);
      double share = random.nextDouble();
      byte[][] on = new byte[width][];
      for (int column = 1; column < width; column++) {
        on[column] = new byte[groups];
        for (int group = 0; group < groups; group++) {
          on[column][group] = (byte) (random.nextDouble() < share ? 1 : 0);
        }
      }

      int[] rowStarts = ChainModels.Design.rowStarts(on, groups);
      int[] ones = ChainModels.Design.ones(on, rowStarts);

      assertThat(rowStarts[0]).isZero();
      assertThat(ones).hasSize(rowStarts[groups] + 1);
      for (int group = 0; group < groups; group++) {
        List<Integer> expected = new ArrayList<>(List.of(0));
        for (int column = 1; column < width; column++) {
          if (on[column][group] == 1) {
            expected.add(column);
          }
        }
        int[] row = Arrays.copyOfRange(ones, rowStarts[group], rowStarts[group + 1]);
        assertThat(row)
            .as("row %d of trial %d", group, trial)
            .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }
}
