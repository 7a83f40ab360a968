package org.rishe.generator;

import java.util.List;

/**
 * What was drawn for one family, handed from the family simulator to the case, programme and
 * donation simulators. Lives only while its family is generated.
 *
 * @param state the family-level causal nodes, indexed as in {@link CausalModel}
 * @param registered registration day (epoch day)
 * @param assessed first assessment day (epoch day)
 * @param followedUntil last day anything of the family is recorded: the period's end, or the day
 *     the family was lost to follow-up
 * @param recoveryDay the day low household income rose above the poverty line; {@link
 *     Long#MAX_VALUE} when it never did (or was never low)
 */
record FamilyDraw(
    long number,
    String familyId,
    int region,
    long registered,
    long assessed,
    long followedUntil,
    long recoveryDay,
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

  /** Whether household income is below the poverty line on {@code day}: low and not recovered. */
  boolean incomeLowOn(long day) {
    return has("household_income") && day < recoveryDay;
  }

  /**
   * One child of the family.
   *
   * @param state every causal node for this child, family nodes copied in; problems are latent
   *     occurrences, observed as cases only if they start before the period ends
   * @param onsets each problem's onset day, drawn with the problem when traps are on (indexed as
   *     state); null when the case simulator draws the onsets itself
   * @param consequenceDay the day the consequence factor ({@link Traps#CONSEQUENCE}) starts; {@link
   *     Long#MAX_VALUE} for never
   */
  record ChildDraw(
      String personId,
      int age,
      boolean female,
      boolean[] state,
      long[] onsets,
      long consequenceDay) {
    boolean has(String code) {
      return state[CausalModel.index(code)];
    }
  }
}
