package org.rishe.generator;

import java.util.List;

/**
 * What was drawn for one family, handed from the family simulator to the case, programme and
 * donation simulators. Lives only while its family is generated.
 *
 * @param state the family-level causal nodes, indexed as in {@link CausalModel}
 * @param registered registration day (epoch day)
 * @param assessed first assessment day (epoch day)
 */
record FamilyDraw(
    long number,
    String familyId,
    int region,
    long registered,
    long assessed,
    boolean[] state,
    List<ChildDraw> children) {

  FamilyDraw {
    children = List.copyOf(children);
  }

  String regionCode() {
    return "R" + Ids.pad(region + 1, 2);
  }

  boolean has(String code) {
    return state[CausalModel.index(code)];
  }

  /**
   * One child of the family.
   *
   * @param state every causal node for this child, family nodes copied in; problems are latent
   *     occurrences, observed as cases only if they start before the period ends
   */
  record ChildDraw(String personId, int age, boolean female, boolean[] state) {
    boolean has(String code) {
      return state[CausalModel.index(code)];
    }
  }
}
