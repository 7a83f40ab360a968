package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The covariate coding of {@link ImpactDesign}, in particular skip logic: a question B that is not
 * asked when A is exposed.
 */
class ImpactDesignTest {
  private static final List<String> CODES = List.of("out_of_school", "school_absence");

  @Test
  void aQuestionSkippedWhenAnotherIsExposedGetsABothMissingIndicator() {
    List<ImpactDesign.Unit> units = new ArrayList<>();
    // 30 out of school (absence never asked), 30 in school (asked), 10 unknown of each kind.
    for (int i = 0; i < 30; i++) {
      units.add(unit(i % 2 == 0, 1.0, null, i % 3));
      units.add(unit(i % 2 == 1, 0.0, 1.0 * (i % 2), i % 3));
    }
    for (int i = 0; i < 10; i++) {
      units.add(unit(i % 2 == 0, null, null, i % 3));
      units.add(unit(i % 2 == 1, null, 0.0, i % 3));
    }

    ImpactSample sample = ImpactDesign.sample(units, CODES);

    assertThat(sample.covariateNames())
        .contains("out_of_school_and_school_absence_missing")
        .doesNotContain("school_absence_and_out_of_school_missing");
    int column = sample.covariateNames().indexOf("out_of_school_and_school_absence_missing");
    double flagged = 0;
    for (int unit = 0; unit < sample.size(); unit++) {
      flagged += sample.covariate(unit, column);
    }
    assertThat(flagged).isEqualTo(10);
  }

  @Test
  void questionsMissingAtRandomGetNoBothMissingIndicator() {
    List<ImpactDesign.Unit> units = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Double outOfSchool = i % 10 == 0 ? null : (double) (i % 2);
      Double absence = i % 7 == 0 ? null : (double) (i % 3 == 0 ? 1 : 0);
      units.add(unit(i % 4 == 0, outOfSchool, absence, i % 3));
    }

    assertThat(ImpactDesign.sample(units, CODES).covariateNames())
        .noneMatch(name -> name.endsWith("_and_school_absence_missing"))
        .noneMatch(name -> name.endsWith("_and_out_of_school_missing"));
  }

  /**
   * Out of school (30% of units) halves enrolment in school and drives enrolment in the programme;
   * it is unknown for a third of the units at random, and absence is asked only of children in
   * school, whose answer is itself missing one time in six. What the data can say is the effect
   * within each observed pattern of the two answers, so the reference is exact stratification on
   * those patterns, computed here by hand. The both-missing indicator makes the propensity model
   * fit each pattern's treated share, and weighting then matches the stratification; the two
   * indicators added up force "both unknown" (mostly out of school) to sit where "unknown" plus
   * "not asked" put it, and weighting falls short of it. (Neither reaches the true 0.15: children
   * in school whose answer is missing sit in the "both unknown" pattern with those out of school, a
   * mixture no covariate separates.)
   */
  @Test
  void theBothMissingIndicatorMakesWeightingMatchStratificationOnTheObservedPatterns() {
    SplittableRandom random = new SplittableRandom(20260101);
    List<ImpactDesign.Unit> units = new ArrayList<>();
    Map<String, double[]> patterns = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      boolean outOfSchool = random.nextDouble() < 0.3;
      boolean treated = random.nextDouble() < (outOfSchool ? 0.6 : 0.15);
      double inSchool = (outOfSchool ? 0.35 : 0.8) + (treated ? 0.15 : 0);
      boolean unknown = random.nextDouble() < 1.0 / 3;
      boolean asked = !outOfSchool && random.nextDouble() >= 1.0 / 6;
      Double absence = asked ? (random.nextDouble() < 0.2 ? 1.0 : 0.0) : null;
      Double known = unknown ? null : (outOfSchool ? 1.0 : 0.0);
      int outcome = random.nextDouble() < inSchool ? 1 : 0;
      units.add(
          new ImpactDesign.Unit(treated, 10, "female", "R01", factors(known, absence), outcome));
      // Treated count, treated sum, control count, control sum per observed pattern.
      double[] cells = patterns.computeIfAbsent(known + " " + absence, key -> new double[4]);
      cells[treated ? 0 : 2]++;
      cells[treated ? 1 : 3] += outcome;
    }
    double weighted = 0;
    double treatedCount = 0;
    for (double[] cells : patterns.values()) {
      weighted += cells[0] * (cells[1] / cells[0] - cells[3] / cells[2]);
      treatedCount += cells[0];
    }
    double stratified = weighted / treatedCount;
    ImpactSample sample = ImpactDesign.sample(units, CODES);
    ImpactSample additive = without(sample, "out_of_school_and_school_absence_missing");

    double withIndicator =
        AttEstimators.inverseProbabilityWeighting(
            sample, new NewtonLogisticPropensityModel().propensities(sample));
    double withoutIndicator =
        AttEstimators.inverseProbabilityWeighting(
            additive, new NewtonLogisticPropensityModel().propensities(additive));

    assertThat(withIndicator).isCloseTo(stratified, within(0.002));
    assertThat(stratified - withoutIndicator).isGreaterThan(0.006);
  }

  private static ImpactSample without(ImpactSample sample, String covariate) {
    int dropped = sample.covariateNames().indexOf(covariate);
    assertThat(dropped).isNotNegative();
    List<String> names = new ArrayList<>(sample.covariateNames());
    names.remove(dropped);
    boolean[] treated = new boolean[sample.size()];
    double[][] covariates = new double[sample.size()][names.size()];
    double[] outcomes = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      treated[unit] = sample.isTreated(unit);
      outcomes[unit] = sample.outcome(unit);
      for (int column = 0, kept = 0; column < sample.covariateCount(); column++) {
        if (column != dropped) {
          covariates[unit][kept++] = sample.covariate(unit, column);
        }
      }
    }
    return new ImpactSample(names, treated, covariates, outcomes);
  }

  private static ImpactDesign.Unit unit(
      boolean treated, Double outOfSchool, Double absence, int outcome) {
    return new ImpactDesign.Unit(
        treated,
        10 + outcome,
        outcome == 0 ? "male" : "female",
        "R01",
        factors(outOfSchool, absence),
        outcome);
  }

  private static Map<String, Double> factors(Double outOfSchool, Double absence) {
    Map<String, Double> factors = new HashMap<>();
    factors.put("out_of_school", outOfSchool);
    factors.put("school_absence", absence);
    return factors;
  }
}
