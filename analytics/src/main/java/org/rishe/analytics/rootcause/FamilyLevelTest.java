package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Set;
import org.rishe.analytics.causal.IndependenceTest;

/**
 * Tests among family-level variables only (family factors, region) on families; any test with a
 * person-level variable on people. A family observation applies to every child of the family, so
 * counted per child one family's answers enter as many times as it has children: the G statistic
 * grows with the mean family size while the information does not, and at tens of thousands of
 * children true independences between family factors were rejected (region against low income given
 * its causes: p = 2e-11 per child, 0.99 per family, 20,000 families). The family data are the same
 * patterns with each person weighted by one over the people in scope in their family.
 */
final class FamilyLevelTest implements IndependenceTest {
  private final IndependenceTest people;
  private final IndependenceTest families;
  private final Set<Integer> familyLevel;

  FamilyLevelTest(IndependenceTest people, IndependenceTest families, Set<Integer> familyLevel) {
    this.people = requireNonNull(people, "people is null");
    this.families = requireNonNull(families, "families is null");
    this.familyLevel = Set.copyOf(familyLevel);
    if (people.variableCount() != families.variableCount()) {
      throw new IllegalArgumentException(
          "the person and family tests must cover the same variables, got %d and %d"
              .formatted(people.variableCount(), families.variableCount()));
    }
  }

  @Override
  public int variableCount() {
    return people.variableCount();
  }

  @Override
  public double pValue(int x, int y, int[] conditioning) {
    return allFamilyLevel(x, y, conditioning)
        ? families.pValue(x, y, conditioning)
        : people.pValue(x, y, conditioning);
  }

  @Override
  public void prepare(int anchor, int[] variables) {
    people.prepare(anchor, variables);
    if (familyLevel.contains(anchor)) {
      // Family tests never involve a person-level variable.
      families.prepare(anchor, Arrays.stream(variables).filter(familyLevel::contains).toArray());
    }
  }

  @Override
  public void release(int anchor) {
    people.release(anchor);
    families.release(anchor);
  }

  private boolean allFamilyLevel(int x, int y, int[] conditioning) {
    if (!familyLevel.contains(x) || !familyLevel.contains(y)) {
      return false;
    }
    for (int variable : conditioning) {
      if (!familyLevel.contains(variable)) {
        return false;
      }
    }
    return true;
  }
}
