package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stratification on given propensities, checked against answers worked out by hand. */
class PropensityStratificationTest {
  private final List<Boolean> treated = new ArrayList<>();
  private final List<Double> propensities = new ArrayList<>();
  private final List<Double> outcomes = new ArrayList<>();

  @Test
  void weightsStratumDifferencesByTreatedCountsAndMergesStrataWithoutControls() {
    control(0.05, 100); // below the lowest treated propensity: discarded
    treated(0.10, 10);
    treated(0.15, 14);
    control(0.12, 4);
    control(0.18, 6);
    control(0.30, 50);
    treated(0.70, 30); // no control in 0.6-0.8 nor 0.4-0.6: merged down to 0.2-0.8
    treated(0.85, 24);
    treated(0.90, 20);
    treated(0.95, 22);
    control(0.82, 8);

    PropensityStratification.Result result = estimate();

    // Strata 0-0.2: 12 - 5 = 7 (2 treated); 0.2-0.8: 30 - 50 = -20 (1); 0.8-1: 22 - 8 = 14 (3).
    assertThat(result.estimate()).isCloseTo((2 * 7 - 20 + 3 * 14) / 6.0, within(1e-9));
    assertThat(result.discardedControls()).isEqualTo(1);
    assertThat(result.strata())
        .extracting(PropensityStratification.Stratum::low)
        .containsExactly(0.0, 0.2, 0.8);
  }

  @Test
  void splitsAStratumWhoseTreatedAndControlPropensitiesDiffer() {
    // Three copies of each unit, so the t-test on the propensity has the power to see the gap.
    for (int copy = 0; copy < 3; copy++) {
      treated(0.02, 0);
      for (double propensity : new double[] {0.16, 0.17, 0.18, 0.19}) {
        treated(propensity, 10);
      }
      for (double propensity : new double[] {0.02, 0.03, 0.04, 0.05}) {
        control(propensity, 1);
      }
      control(0.18, 4);
    }

    PropensityStratification.Result result = estimate();

    // Unsplit, 0-0.2 would give 8 - 1.6 = 6.4. Split at 0.1: 0 - 1 = -1 for the 3 treated below
    // and 10 - 4 = 6 for the 12 above (where the mean propensities, 0.175 and 0.18, agree).
    assertThat(result.estimate()).isCloseTo((3 * -1 + 12 * 6) / 15.0, within(1e-9));
    assertThat(result.strata()).contains(new PropensityStratification.Stratum(0.1, 0.2, 12, 3, 6));
  }

  private void treated(double propensity, double outcome) {
    add(true, propensity, outcome);
  }

  private void control(double propensity, double outcome) {
    add(false, propensity, outcome);
  }

  private void add(boolean isTreated, double propensity, double outcome) {
    treated.add(isTreated);
    propensities.add(propensity);
    outcomes.add(outcome);
  }

  private PropensityStratification.Result estimate() {
    return PropensityStratification.estimate(sample(), scores());
  }

  private double[] scores() {
    return propensities.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private ImpactSample sample() {
    int size = treated.size();
    boolean[] treatedArray = new boolean[size];
    double[][] covariates = new double[size][];
    double[] outcomeArray = new double[size];
    for (int unit = 0; unit < size; unit++) {
      treatedArray[unit] = treated.get(unit);
      covariates[unit] = new double[] {propensities.get(unit)};
      outcomeArray[unit] = outcomes.get(unit);
    }
    return new ImpactSample(List.of("propensity"), treatedArray, covariates, outcomeArray);
  }
}
