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
  void aBreakdownOverTheMaximumIsA400ThatSaysWhatToDo() {
    ProtectedCube cube = cube();

    assertThatThrownBy(() -> QueryService.checkSize(cube, List.of("region", "sex"), Map.of(), 11))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> assertThat(problem.getMessage()).contains("more than 11 cells"))
        .hasMessageContaining("leave a dimension out or filter one");
  }

  @Test
  void aFilterOrAMarginBringsItWithin() {
    ProtectedCube cube = cube();

    QueryService.checkSize(cube, List.of("region", "sex"), Map.of("region", List.of("R1")), 11);
    QueryService.checkSize(cube, List.of("region"), Map.of(), 11);
    QueryService.checkSize(cube, List.of("region", "sex"), Map.of(), 12);
  }
}
