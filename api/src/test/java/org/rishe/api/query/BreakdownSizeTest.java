package org.rishe.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.Cube;

class BreakdownSizeTest {
  /** 4 regions × 3 sexes: 12 finest cells. */
  private static ProtectedCube cube() {
    List<Cube.Cell> cells = new ArrayList<>();
    for (String region : List.of("R1", "R2", "R3", "R4")) {
      for (String sex : List.of("female", "male", "unknown")) {
        cells.add(new Cube.Cell(List.of(region, sex), 20));
      }
    }
    return ProtectedCube.protect(new Cube("cases", List.of("region", "sex"), cells), 11);
  }

  @Test
  void aBreakdownOverTheMaximumIsA400NamingTheCountAndTheCapAndSayingWhatToDo() {
    ProtectedCube cube = cube();

    assertThatThrownBy(
            () -> QueryService.checkSize(cube, List.of("region", "sex"), List.of(), Map.of(), 11))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.extensions())
                  .containsEntry("requestedCells", 12L)
                  .containsEntry("maximumCells", 11L);
            })
        .hasMessage(
            "a breakdown by region, sex has 12 cells, more than the 11 one answer may hold: leave"
                + " a dimension out or filter one to the values you need");
  }

  @Test
  void theMarginsCountTowardsTheCap() {
    ProtectedCube cube = cube();
    // region × sex (12) with margins sex (3), region (4) and the grand total (1): 20 cells
    List<List<String>> margins = List.of(List.of("sex"), List.of("region"), List.of());

    QueryService.checkSize(cube, List.of("region", "sex"), margins, Map.of(), 20);
    assertThatThrownBy(
            () -> QueryService.checkSize(cube, List.of("region", "sex"), margins, Map.of(), 19))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> assertThat(problem.extensions()).containsEntry("requestedCells", 20L))
        .hasMessageContaining("has 12 cells and its margins 8 more, more than the 19")
        .hasMessageEndingWith(", or leave totals out");
  }

  @Test
  void aFilterOrAMarginBringsItWithin() {
    ProtectedCube cube = cube();

    QueryService.checkSize(
        cube, List.of("region", "sex"), List.of(), Map.of("region", List.of("R1")), 11);
    QueryService.checkSize(cube, List.of("region"), List.of(), Map.of(), 11);
    QueryService.checkSize(cube, List.of("region", "sex"), List.of(), Map.of(), 12);
  }
}
