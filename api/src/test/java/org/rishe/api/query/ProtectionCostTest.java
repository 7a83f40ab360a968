package org.rishe.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rishe.api.results.Cube;

/**
 * The protection's cost on a cube of realistic shape: 10 regions x 12 problems x 3 sexes x 6 age
 * bands x 36 months (77,760 finest cells, 148,148 lattice cells), sparse and mostly small as case
 * counts per month are. It is computed once per published run; this bounds that time.
 */
class ProtectionCostTest {
  static Cube realisticCube(long seed, double meanPerCell) {
    Random random = new Random(seed);
    int[] sizes = {10, 12, 3, 6, 36};
    List<Cube.Cell> cells = new ArrayList<>();
    int finest = 10 * 12 * 3 * 6 * 36;
    for (int cell = 0; cell < finest; cell++) {
      // geometric counts: many zeros and ones, a long tail
      long count =
          (long)
              Math.floor(
                  Math.log(1 - random.nextDouble()) / Math.log(meanPerCell / (1 + meanPerCell)));
      if (count == 0) {
        continue;
      }
      int rest = cell;
      String[] values = new String[5];
      for (int i = 4; i >= 0; i--) {
        values[i] = String.format("%c%02d", (char) ('a' + i), rest % sizes[i]);
        rest /= sizes[i];
      }
      cells.add(new Cube.Cell(List.of(values), count));
    }
    return new Cube("cases", List.of("region", "problem", "sex", "ageBand", "month"), cells);
  }

  @Test
  void aRealisticCubeIsProtectedInAFewSeconds() {
    for (double mean : new double[] {0.3, 3.0}) {
      Cube cube = realisticCube(7, mean);
      ProtectedCube.protect(cube, 11); // warm up the JIT
      long start = System.nanoTime();
      ProtectedCube protectedCube = ProtectedCube.protect(cube, 11);
      long millis = (System.nanoTime() - start) / 1_000_000;
      long served =
          protectedCube.allCells().stream().filter(e -> !e.getValue().suppressed()).count();
      System.out.printf(
          "realistic cube, mean %.1f per finest cell, %d nonzero cells: %d ms, %d lattice cells,"
              + " %d primary, %d complementary, %d served, %d boxes with a zero corner%n",
          mean,
          cube.cells().size(),
          millis,
          protectedCube.cellCount(),
          protectedCube.primaryCells(),
          protectedCube.complementaryCells(),
          served,
          protectedCube.zeroCornerBoxes());
      assertThat(protectedCube.cellCount()).isEqualTo(11 * 13 * 4 * 7 * 37);
      assertThat(millis).isLessThan(10_000);
    }
  }
}
