package org.rishe.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.results.Cube;

class CellSuppressionTest {
  private static Cube table(String[] rows, String[] columns, long[][] counts) {
    List<Cube.Cell> cells = new ArrayList<>();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns.length; c++) {
        if (counts[r][c] != 0) {
          cells.add(new Cube.Cell(List.of(rows[r], columns[c]), counts[r][c]));
        }
      }
    }
    return new Cube("cases", List.of("region", "sex"), cells);
  }

  private static Long value(ProtectedCube cube, String region, String sex) {
    Map<String, String> values = new java.util.HashMap<>();
    if (region != null) {
      values.put("region", region);
    }
    if (sex != null) {
      values.put("sex", sex);
    }
    return cube.cell(values).value();
  }

  @Test
  void aSmallInnerCellOfAThreeByThreeTableTakesTheCheapestRectangleWithIt() {
    //        F   M   X  | total
    //   A   20  30   3  |  53
    //   B   25  40  50  | 115
    //   C   30  35  45  | 110
    // total 75 105  98  | 278
    // (A,X)=3 is primary. Its partner row and column must be chosen so that the rectangle's
    // corners are not recoverable from the margins: rows B or C cost the same (25+50 vs 30+45);
    // column F (20+25) is cheaper than M (30+40). So {A,B} x {F,X} goes, every margin stays.
    ProtectedCube cube =
        ProtectedCube.protect(
            table(
                new String[] {"A", "B", "C"},
                new String[] {"F", "M", "X"},
                new long[][] {{20, 30, 3}, {25, 40, 50}, {30, 35, 45}}),
            5);

    assertThat(value(cube, "A", "X")).isNull();
    assertThat(value(cube, "A", "F")).isNull();
    assertThat(value(cube, "B", "X")).isNull();
    assertThat(value(cube, "B", "F")).isNull();
    assertThat(value(cube, "A", "M")).isEqualTo(30);
    assertThat(value(cube, "B", "M")).isEqualTo(40);
    assertThat(value(cube, "C", "F")).isEqualTo(30);
    assertThat(value(cube, "C", "M")).isEqualTo(35);
    assertThat(value(cube, "C", "X")).isEqualTo(45);
    assertThat(value(cube, "A", null)).isEqualTo(53);
    assertThat(value(cube, null, "X")).isEqualTo(98);
    assertThat(value(cube, null, "F")).isEqualTo(75);
    assertThat(value(cube, null, null)).isEqualTo(278);
    assertThat(cube.primaryCells()).isEqualTo(1);
    assertThat(cube.complementaryCells()).isEqualTo(3);
  }

  @Test
  void aSmallMarginIsProtectedWithItsRectangleAndTheFinestCellsBelowIt() {
    //        F   M  | total
    //   A    2   1  |   3    <- the row total 3 and both its cells are small
    //   B   40  50  |  90
    // total 42  51  |  93
    ProtectedCube cube =
        ProtectedCube.protect(
            table(
                new String[] {"A", "B"}, new String[] {"F", "M"}, new long[][] {{2, 1}, {40, 50}}),
            5);

    // (A, all) = 3 is primary: V = {region}, the box pairs it with (B, all) and a sex ω below
    // them; then B's total cannot be served either, or A's would be 93 - 90
    assertThat(value(cube, "A", null)).isNull();
    assertThat(value(cube, "B", null)).isNull();
    assertThat(value(cube, "A", "F")).isNull();
    assertThat(value(cube, "A", "M")).isNull();
    assertThat(value(cube, null, null)).isEqualTo(93);
    // every finest cell of row B is now needed too: F or M of B is paired with A's
    assertThat(List.of(value(cube, "B", "F") == null, value(cube, "B", "M") == null))
        .containsExactlyInAnyOrder(true, true);
  }

  @Test
  void aSmallGrandTotalWithdrawsTheCellsItCouldBeRecoveredFrom() {
    ProtectedCube cube =
        ProtectedCube.protect(
            table(new String[] {"A", "B"}, new String[] {"F", "M"}, new long[][] {{1, 0}, {2, 1}}),
            11);

    assertThat(cube.allCells())
        .allSatisfy(
            entry ->
                assertThat(entry.getValue().value())
                    .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isZero()));
  }

  @Test
  void aOneDimensionalListPairsTheSmallCountWithTheSmallestOtherOneAndKeepsTheTotal() {
    ProtectedCube cube =
        ProtectedCube.protect(
            new Cube(
                "cases",
                List.of("region"),
                List.of(
                    new Cube.Cell(List.of("R1"), 3),
                    new Cube.Cell(List.of("R2"), 20),
                    new Cube.Cell(List.of("R3"), 30))),
            5);

    assertThat(cube.cell(Map.of("region", "R1")).suppressed()).isTrue();
    assertThat(cube.cell(Map.of("region", "R2")).suppressed()).isTrue();
    assertThat(cube.cell(Map.of("region", "R3")).value()).isEqualTo(30);
    assertThat(cube.cell(Map.of()).value()).isEqualTo(53);
  }
}
