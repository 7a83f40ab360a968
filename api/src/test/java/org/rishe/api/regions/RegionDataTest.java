package org.rishe.api.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.query.ProtectedCube;
import org.rishe.api.results.Cube;

/**
 * Whether a region has data follows its count of cases as the caller is served it: R01 has 5 cases
 * (3 + 2), R02 40, R03 30 and Z1 none, so with k = 11 a researcher may not learn that R01 has any.
 */
class RegionDataTest {
  private static final Cube CASES =
      new Cube(
          "cases",
          List.of("region", "problem"),
          List.of(
              new Cube.Cell(List.of("R01", "dropout"), 3),
              new Cube.Cell(List.of("R01", "child_labour"), 2),
              new Cube.Cell(List.of("R02", "dropout"), 25),
              new Cube.Cell(List.of("R02", "child_labour"), 15),
              new Cube.Cell(List.of("R03", "dropout"), 18),
              new Cube.Cell(List.of("R03", "child_labour"), 12)));

  private static RegionData data(List<Cube> cubes, SmallCells rule) {
    return RegionData.of(cubes, rule).orElseThrow();
  }

  @Test
  void staffLearnOfEveryRegionWhetherItHasACase() {
    RegionData data = data(List.of(CASES), SmallCells.forRole(Role.PLANNER, 11));

    assertThat(data.hasData("R01")).isTrue();
    assertThat(data.hasData("R02")).isTrue();
    assertThat(data.hasData("Z1")).isFalse();
  }

  @Test
  void aResearcherIsNotToldThatARegionOfFewerThanKCasesHasAny() {
    RegionData data = data(List.of(CASES), SmallCells.forRole(Role.RESEARCHER, 11));

    assertThat(data.hasData("R01")).isNull();
    assertThat(data.hasData("R02")).isTrue();
    assertThat(data.hasData("R03")).isTrue();
    assertThat(data.hasData("Z1")).isFalse();
  }

  @Test
  void overTheProtectedCubeARegionTotalTheQueryWithholdsIsWithheldToo() {
    ProtectedCube lattice = ProtectedCube.protect(CASES, 11);
    SmallCells rule = SmallCells.forRole(Role.RESEARCHER, 11).over(Map.of("cases", lattice));
    RegionData data = data(List.of(CASES), rule);

    for (String region : List.of("R01", "R02", "R03")) {
      ProtectedCube.Cell cell = lattice.cell(Map.of("region", region));
      assertThat(data.hasData(region))
          .as(region)
          .isEqualTo(cell.suppressed() ? null : cell.value() > 0);
    }
    assertThat(data.hasData("R01")).isNull();
    assertThat(data.hasData("Z1")).isFalse();
  }

  @Test
  void aRunWithoutTheCasesCubeCannotSay() {
    assertThat(RegionData.of(List.of(), SmallCells.forRole(Role.PLANNER, 11))).isEmpty();
  }
}
