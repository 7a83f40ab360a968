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
}
