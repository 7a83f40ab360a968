package org.rishe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loops of region parents, found by hand on small trees and loops. */
class ParentCyclesTest {
  private static Map<String, String> parents(String... pairs) {
    Map<String, String> parentOf = new HashMap<>();
    for (String pair : pairs) {
      String[] parts = pair.split(">", -1);
      parentOf.put(parts[0], parts[1].isEmpty() ? null : parts[1]);
    }
    return parentOf;
  }

  @Test
  void aTreeHasNoLoop() {
    assertThat(ParentCycles.looping(parents("P>", "C1>P", "C2>P", "T>C1", "U>NOT_STORED")))
        .isEmpty();
  }

  @Test
  void loopsAndTheChainsRunningIntoThemAreNamedByTheirCodes() {
    Map<String, ParentCycles.Looping> looping =
        ParentCycles.looping(
            parents("B>A", "A>B", "X>Y", "Y>Z", "Z>X", "D>C", "C>A", "ROOT>", "LEAF>ROOT"));

    Map<String, String> messages = new HashMap<>();
    looping.forEach((region, loop) -> messages.put(region, loop.message()));
    assertThat(messages)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "A", "parent chain loops: A -> B -> A",
                "B", "parent chain loops: B -> A -> B",
                "C", "parent chain runs into the loop A -> B -> A",
                "D", "parent chain runs into the loop A -> B -> A",
                "X", "parent chain loops: X -> Y -> Z -> X",
                "Y", "parent chain loops: Y -> Z -> X -> Y",
                "Z", "parent chain loops: Z -> X -> Y -> Z"));
  }

  @Test
  void aBatchRegionIntoALoopIsKeptWhenTheLoopsRegionsComeBackStored() {
    // stored: Z in nothing, R in Z; the batch puts Z in R (a loop) and adds S in Z
    assertThat(ParentCycles.quarantined(parents("Z>", "R>Z"), parents("Z>R", "S>Z")))
        .containsExactlyEntriesOf(Map.of("Z", "parent chain loops: Z -> R -> Z"));
  }

  @Test
  void aBatchRegionWhoseParentIsQuarantinedAndNotStoredIsQuarantined() {
    assertThat(ParentCycles.quarantined(Map.of(), parents("A>B", "B>A", "C>A", "D>C", "E>")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "A", "parent chain loops: A -> B -> A",
                "B", "parent chain loops: B -> A -> B",
                "C", "parent chain runs into the loop A -> B -> A",
                "D", "parent chain runs into the loop A -> B -> A"));
  }

  @Test
  void aStoredRegionComingBackCanCloseAnotherLoop() {
    // stored: R in S, S at the top; the batch moves R into P, where P and Q loop, and S into R.
    // P and Q go, R's batch row goes with them (P is stored nowhere), R comes back in S, and S in
    // R now loops: S's batch row goes too
    Map<String, String> quarantined =
        ParentCycles.quarantined(parents("R>S", "S>"), parents("R>P", "P>Q", "Q>P", "S>R"));

    assertThat(quarantined)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "P", "parent chain loops: P -> Q -> P",
                "Q", "parent chain loops: Q -> P -> Q",
                "R", "parent chain runs into the loop P -> Q -> P",
                "S", "parent chain loops: S -> R -> S"));
  }
}
