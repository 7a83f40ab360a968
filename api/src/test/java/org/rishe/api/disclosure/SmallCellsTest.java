package org.rishe.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.api.query.ProtectedCube;
import org.rishe.api.results.Cube;
import org.rishe.common.results.AgeBands;

/**
 * {@link SmallCells#within}: a count of a narrower scope than a lattice cell (the root causes'
 * children of an age range, counted as people where the cases lattice counts case records) is
 * served only where subtracting it from the lattice gives away no withheld cell. k = 5.
 */
class SmallCellsTest {
  private static final int K = 5;
  private static final List<String> OUTSIDE_0_17 = AgeBands.outside(0, 17);

  /** A researcher's rule over {@link #latticeOf}. */
  private static SmallCells researcherOver(Map<String, Long> casesByBand) {
    return SmallCells.forRole(Role.RESEARCHER, K).over(Map.of("cases", latticeOf(casesByBand)));
  }

  @Test
  void theBandsOutsideZeroToSeventeenAreTheAdultsAndTheUnknown() {
    assertThat(OUTSIDE_0_17).containsExactly("18+", "unknown");
    assertThat(AgeBands.outside(6, 14)).containsExactly("0-5", "15-17", "18+", "unknown");
    assertThat(AgeBands.outside(0, 16)).containsExactly("15-17", "18+", "unknown");
  }

  @Test
  void childrenCountedAsTheLatticeCountsThemAreServed() {
    // 20 + 15 case records, one a child: the 35 children are the lattice's own cell
    SmallCells rule = researcherOver(Map.of("6-11", 20L, "12-14", 15L));

    assertThat(rule.casesWithin(35, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(35L);
    // overall, 125 records less R2's 10 of unknown age: the 10 are served
    assertThat(rule.casesWithin(115, "child_labour", null, OUTSIDE_0_17)).isEqualTo(115L);
  }

  @Test
  void aSmallWithheldBandIsNotGivenAwayByTheDifference() {
    // 3 cases of people without a birth date: withheld by the lattice, outside the age range. The
    // lattice serves R1's 38; serving the 35 children would give 38 - 35 = 3 back.
    Map<String, Long> bands = Map.of("6-11", 20L, "12-14", 15L, "unknown", 3L);
    ProtectedCube lattice = latticeOf(bands);
    assertThat(
            lattice.cell(Map.of("region", "R1", "problem", "child_labour", "ageBand", "unknown")))
        .isEqualTo(new ProtectedCube.Cell(null, true));
    assertThat(lattice.cell(Map.of("region", "R1", "problem", "child_labour")).value())
        .isEqualTo(38L);
    SmallCells rule = researcherOver(bands);

    assertThat(rule.casesWithin(35, "child_labour", "R1", OUTSIDE_0_17)).isNull();
    // 34 children, one with a second case: 38 - 34 = 4 is still small
    assertThat(rule.casesWithin(34, "child_labour", "R1", OUTSIDE_0_17)).isNull();
    // 8 apart (5 second cases and the 3): no group of 1 to k-1 follows
    assertThat(rule.casesWithin(30, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(30L);
  }

  @Test
  void aServedBandSubtractedLeavesNoSmallRemainder() {
    // 12 adults' cases (served) and 3 of unknown age (withheld, with the 6 of 12-14 as its
    // complement): 26 children leave 41 - 26 = 15, and 15 - 12 = 3 is the withheld cell
    Map<String, Long> bands = Map.of("6-11", 20L, "12-14", 6L, "18+", 12L, "unknown", 3L);
    ProtectedCube lattice = latticeOf(bands);
    assertThat(lattice.cell(Map.of("region", "R1", "problem", "child_labour", "ageBand", "18+")))
        .isEqualTo(new ProtectedCube.Cell(12L, false));
    assertThat(lattice.cell(Map.of("region", "R1", "problem", "child_labour")).value())
        .isEqualTo(41L);
    SmallCells rule = researcherOver(bands);

    assertThat(rule.casesWithin(26, "child_labour", "R1", OUTSIDE_0_17)).isNull();
    // 20 children, 6 of their records second cases: remainders 21 and 9, both k or more
    assertThat(rule.casesWithin(20, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(20L);
  }

  @Test
  void theBandsInsideLessTheCountLeaveNoSmallRemainderEither() {
    // one region: 3 of unknown age withheld, with the 12 adults' cases as their complement; the
    // children's bands 20 + 16 are served. 33 children: 51 - 33 = 18 from above, but 36 - 33 = 3
    // second cases from below
    List<Cube.Cell> cells = new ArrayList<>();
    Map.of("6-11", 20L, "12-14", 16L, "18+", 12L, "unknown", 3L)
        .forEach(
            (band, cases) -> cells.add(new Cube.Cell(List.of("R1", "child_labour", band), cases)));
    ProtectedCube lattice =
        ProtectedCube.protect(new Cube("cases", List.of("region", "problem", "ageBand"), cells), K);
    for (String band : List.of("6-11", "12-14")) {
      assertThat(lattice.cell(Map.of("region", "R1", "problem", "child_labour", "ageBand", band)))
          .as(band)
          .matches(cell -> !cell.suppressed());
    }
    SmallCells rule = SmallCells.forRole(Role.RESEARCHER, K).over(Map.of("cases", lattice));

    assertThat(rule.casesWithin(33, "child_labour", "R1", OUTSIDE_0_17)).isNull();
    // 36 children, one case each: nothing to subtract to a small group
    assertThat(rule.casesWithin(36, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(36L);
    // 28: 8 second cases from below, 23 from above
    assertThat(rule.casesWithin(28, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(28L);
  }

  @Test
  void aCountAboveItsEnclosingCellOrInsideAWithheldOneIsWithheld() {
    SmallCells rule = researcherOver(Map.of("6-11", 20L, "12-14", 15L));

    assertThat(rule.casesWithin(36, "child_labour", "R1", OUTSIDE_0_17)).isNull();
    assertThat(rule.casesWithin(12, "child_labour", "R9", OUTSIDE_0_17)).isNull();
    assertThat(rule.casesWithin(0, "child_labour", "R9", OUTSIDE_0_17)).isZero();
    assertThat(rule.casesWithin(3, "child_labour", "R1", OUTSIDE_0_17)).isNull();
  }

  @Test
  void withoutTheLatticeOnlyTheCountItselfIsChecked() {
    SmallCells rule = SmallCells.forRole(Role.RESEARCHER, K);

    assertThat(rule.casesWithin(35, "child_labour", "R1", OUTSIDE_0_17)).isEqualTo(35L);
    assertThat(rule.peopleWithin(4, null, OUTSIDE_0_17)).isNull();
    assertThat(SmallCells.forRole(Role.PLANNER, K).casesWithin(3, "child_labour", "R1", List.of()))
        .isEqualTo(3L);
  }

  /**
   * A cases lattice of R1's child labour by age band at opening, beside R2's 90, 10 of them of
   * people of unknown age (which keep the problem's margins apart from R1's).
   */
  private static ProtectedCube latticeOf(Map<String, Long> casesByBand) {
    List<Cube.Cell> cells = new ArrayList<>();
    casesByBand.forEach(
        (band, cases) -> cells.add(new Cube.Cell(List.of("R1", "child_labour", band), cases)));
    cells.add(new Cube.Cell(List.of("R2", "child_labour", "6-11"), 40));
    cells.add(new Cube.Cell(List.of("R2", "child_labour", "12-14"), 40));
    cells.add(new Cube.Cell(List.of("R2", "child_labour", "unknown"), 10));
    return ProtectedCube.protect(
        new Cube("cases", List.of("region", "problem", "ageBand"), cells), K);
  }
}
