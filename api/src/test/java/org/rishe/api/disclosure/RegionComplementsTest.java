package org.rishe.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;

class RegionComplementsTest {
  private static final SmallCells RESEARCHER = SmallCells.forRole(Role.RESEARCHER, 11);

  @Test
  void regionsWithoutASmallCellAreAllServed() {
    RegionComplements.Withheld withheld =
        RegionComplements.protect(
            new long[] {40, 60},
            Map.of("A", new long[] {20, 30}, "B", new long[] {20, 30}),
            Set.of(),
            RESEARCHER);

    assertThat(withheld.regions()).isEmpty();
    assertThat(withheld.overall()).isFalse();
  }

  @Test
  void anOverallRowWithheldWhateverItsCellsTakesTheSmallestRegionWithIt() {
    // every cell 11 or more, but the overall row is withheld for another route's sake: A + B + C
    // would serve it, so the smallest region goes too
    assertThat(withheldForcing(Set.of()).regions()).containsExactly("A");
    assertThat(withheldForcing(Set.of()).overall()).isTrue();
    // A's cells given exactly by another route: withholding it would hide nothing, B goes instead
    assertThat(withheldForcing(Set.of("A")).regions()).containsExactly("B");
  }

  /** Three regions without a small cell, the overall row withheld whatever its cells. */
  private static RegionComplements.Withheld withheldForcing(Set<String> determined) {
    return RegionComplements.protect(
        new long[] {61, 199},
        Map.of(
            "A", new long[] {14, 56},
            "B", new long[] {22, 48},
            "C", new long[] {25, 95}),
        Set.of(),
        true,
        determined,
        RESEARCHER);
  }

  @Test
  void oneSmallRegionTakesTheSmallestOtherWithIt() {
    // overall - B - C would be A's (4, 16); withholding B too leaves A + B = (16, 64) to subtract
    RegionComplements.Withheld withheld =
        RegionComplements.protect(
            new long[] {41, 159},
            Map.of(
                "A", new long[] {4, 16},
                "B", new long[] {12, 48},
                "C", new long[] {25, 95}),
            Set.of(),
            RESEARCHER);

    assertThat(withheld.regions()).containsExactlyInAnyOrder("A", "B");
    assertThat(withheld.overall()).isFalse();
  }

  @Test
  void whenEvenTheRestAddsUpToASmallCellTheOverallRowGoesToo() {
    // A and B each have 3 in the second cell: together 6, all regions withheld then leave the
    // overall row's 6 + 0 to subtract from nothing, but the overall row's own 6 is small
    RegionComplements.Withheld withheld =
        RegionComplements.protect(
            new long[] {100, 6},
            Map.of("A", new long[] {50, 3}, "B", new long[] {50, 3}),
            Set.of(),
            RESEARCHER);

    assertThat(withheld.regions()).containsExactlyInAnyOrder("A", "B");
    assertThat(withheld.overall()).isTrue();
  }

  @Test
  void peopleOfNoRegionCountInTheDifference() {
    // 5 people of no region: overall - A - B = 5 + C's 20 = 25 is safe; without C it would be 5
    RegionComplements.Withheld withheld =
        RegionComplements.protect(
            new long[] {0, 85},
            Map.of("A", new long[] {0, 30}, "B", new long[] {0, 30}, "C", new long[] {0, 20}),
            Set.of("C"),
            RESEARCHER);

    assertThat(withheld.regions()).containsExactly("C");
    assertThat(withheld.overall()).isFalse();
  }

  @Test
  void otherRolesSeeEveryRegion() {
    RegionComplements.Withheld withheld =
        RegionComplements.protect(
            new long[] {41, 159},
            Map.of("A", new long[] {4, 16}, "B", new long[] {37, 143}),
            Set.of(),
            SmallCells.forRole(Role.PLANNER, 11));

    assertThat(withheld.regions()).isEmpty();
    assertThat(withheld.overall()).isFalse();
  }

  @Test
  void aRowSmallOnlyInItsUnansweredCellsIsServedMergedAndTheOthersFollowUntilTheSplitIsSafe() {
    // cells: exposed cases and non-cases, unexposed cases and non-cases, unanswered cases and
    // non-cases. B's unanswered (5, 3) are small; merged, B serves (15, 35, 17, 43).
    long[] a = {20, 40, 11, 30, 0, 20};
    long[] b = {15, 35, 12, 40, 5, 3};
    long[] c = {30, 60, 20, 50, 11, 0};
    long[] overall = {65, 135, 43, 120, 16, 23};

    RegionComplements.Served served =
        RegionComplements.protectMerging(
            overall, Map.of("A", a, "B", b, "C", c), Set.of(), RESEARCHER);

    // the overall split minus A's and C's would be B's (5, 3); with A merged too, A's and B's
    // unanswered cases together are still 5 (A has none), so C is merged as well
    assertThat(served.withheld()).isEmpty();
    assertThat(served.merged()).containsExactlyInAnyOrder("A", "B", "C");
    assertThat(served.overallWithheld()).isFalse();
    assertThat(served.overallMerged()).isFalse();
    assertThat(RegionComplements.merge(b)).containsExactly(15, 35, 17, 43);
  }

  @Test
  void twoMergedRegionsWhoseUnansweredAddUpToKKeepTheOthersSplit() {
    long[] a = {20, 40, 11, 30, 0, 0};
    long[] b = {15, 35, 12, 40, 5, 3};
    long[] d = {25, 45, 14, 33, 8, 9};
    long[] overall = {60, 120, 37, 103, 13, 12};

    RegionComplements.Served served =
        RegionComplements.protectMerging(
            overall, Map.of("A", a, "B", b, "D", d), Set.of(), RESEARCHER);

    assertThat(served.merged()).containsExactlyInAnyOrder("B", "D");
    assertThat(served.withheld()).isEmpty();
    assertThat(served.overallMerged()).isFalse();
  }

  @Test
  void anOverallRowSmallInItsUnansweredIsServedMergedAndARegionSmallEvenMergedIsWithheld() {
    long[] a = {20, 40, 11, 30, 0, 0};
    long[] b = {15, 35, 12, 40, 5, 3};
    long[] e = {3, 20, 15, 30, 0, 0};
    long[] f = {30, 60, 20, 50, 0, 0};
    long[] overall = {68, 155, 58, 150, 5, 3};

    RegionComplements.Served served =
        RegionComplements.protectMerging(
            overall, Map.of("A", a, "B", b, "E", e, "F", f), Set.of(), RESEARCHER);

    // E's 3 exposed cases: withheld; overall merged minus A, B and F merged would be E's, so the
    // smallest other (A, 101 people) goes with it
    assertThat(served.withheld()).containsExactlyInAnyOrder("E", "A");
    assertThat(served.merged()).containsExactly("B");
    assertThat(served.overallMerged()).isTrue();
    assertThat(served.overallWithheld()).isFalse();
  }
}
