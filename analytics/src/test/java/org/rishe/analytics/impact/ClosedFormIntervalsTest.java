package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;

/**
 * The closed-form intervals against values computed independently: the naive difference's interval
 * by hand, the family clustering by a property (siblings that are copies of one child carry no more
 * information than that child), and the influence values of the propensity-based estimators against
 * the estimator itself, refitted with one unit counted twice (the empirical influence function,
 * which includes the propensity refit the formulas stack in).
 */
class ClosedFormIntervalsTest {
  private static final PropensityModel MODEL = new NewtonLogisticPropensityModel();

  @Test
  void naiveIntervalIsTheDifferenceOfMeansWithItsStandardErrorByHand() {
    // treated 1, 2, 3, 6 (mean 3, squared deviations 4+1+0+9 = 14); controls 0, 1, 1, 2 (mean 1,
    // squared deviations 1+0+0+1 = 2). Var = n/(n-1) (14/4² + 2/4²) = 8/7 · 1 = 8/7.
    ImpactSample sample =
        new ImpactSample(
            List.of("x"),
            new boolean[] {true, true, true, true, false, false, false, false},
            new double[][] {{0}, {1}, {0}, {1}, {0}, {1}, {0}, {1}},
            new double[] {1, 2, 3, 6, 0, 1, 1, 2});
    ClusteredVariance clusters = new ClusteredVariance(sample);

    Estimate naive = clusters.interval(AttInfluence.naive(sample));

    double half = new TDistribution(7).inverseCumulativeProbability(0.975) * Math.sqrt(8.0 / 7);
    assertThat(naive.estimate()).isEqualTo(2.0);
    assertThat(naive.low()).isCloseTo(2 - half, within(1e-12));
    assertThat(naive.high()).isCloseTo(2 + half, within(1e-12));
  }

  @Test
  void twinsCopiedInOneFamilyGiveTheIntervalOfTheChildrenAlone() {
    ImpactSample children = ConfoundedSimulation.sample(600, 17, first -> 3);
    int[] twice = new int[children.size() * 2];
    int[] families = new int[twice.length];
    for (int unit = 0; unit < children.size(); unit++) {
      twice[2 * unit] = unit;
      twice[2 * unit + 1] = unit;
      families[2 * unit] = unit;
      families[2 * unit + 1] = unit;
    }
    ImpactSample copied = children.select(twice);
    ImpactSample twins =
        new ImpactSample(
            copied.covariateNames(),
            treatedOf(copied),
            covariatesOf(copied),
            outcomesOf(copied),
            families);
    ImpactOptions options = new ImpactOptions(20, 1, 0.2);

    ImpactResult alone = new ImpactEstimator(MODEL, MODEL, options).estimate(children);
    ImpactResult inFamilies = new ImpactEstimator(MODEL, MODEL, options).estimate(twins);
    ImpactResult asStrangers =
        new ImpactEstimator(MODEL, MODEL, options)
            .estimate(
                new ImpactSample(
                    copied.covariateNames(),
                    treatedOf(copied),
                    covariatesOf(copied),
                    outcomesOf(copied)));

    assertThat(inFamilies.clusters()).isEqualTo(600);
    for (ToDoubleFunction<ImpactResult> width :
        List.<ToDoubleFunction<ImpactResult>>of(
            result -> width(result.naiveDifference()),
            result -> width(result.inverseProbabilityWeighting()),
            result -> width(result.doublyRobust()),
            // not stratification: copies make its t-tests more significant, so its strata differ
            result -> width(result.entropyBalancing()))) {
      assertThat(width.applyAsDouble(inFamilies))
          .isCloseTo(width.applyAsDouble(alone), within(1e-6 * width.applyAsDouble(alone)));
      // counted as independent people, the copies would narrow the interval by about √2
      assertThat(width.applyAsDouble(asStrangers) * Math.sqrt(2))
          .isCloseTo(width.applyAsDouble(alone), within(0.01 * width.applyAsDouble(alone)));
    }
  }

  @Test
  void influenceValuesMatchTheEstimatorRefittedWithAUnitCountedTwice() {
    ImpactSample sample = ConfoundedSimulation.sample(3000, 5, first -> 3 + first);
    double[][] design = Standardised.designMatrix(sample);
    double[] propensities = MODEL.propensities(sample);
    boolean[] kept = AttEstimators.keptMask(sample, propensities);
    double[][] information = AttInfluence.information(design, propensities);
    AttInfluence.Fitted weighting =
        AttInfluence.weighting(sample, design, propensities, information, kept);
    AttInfluence.Fitted doublyRobust =
        AttInfluence.doublyRobust(sample, design, propensities, information, kept);
    AttInfluence.Fitted entropy = AttInfluence.entropyBalancing(sample, design);

    // the influence values' point estimates are the estimators' own
    AttEstimators.Trimmed trimmed = AttEstimators.trimToTreatedRange(sample, propensities);
    assertThat(weighting.estimate())
        .isCloseTo(
            AttEstimators.inverseProbabilityWeighting(trimmed.sample(), trimmed.propensities()),
            within(1e-9));
    assertThat(doublyRobust.estimate())
        .isCloseTo(
            AttEstimators.doublyRobust(trimmed.sample(), trimmed.propensities()), within(1e-9));

    int n = sample.size();
    for (int unit : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
      int[] withCopy = new int[n + 1];
      for (int i = 0; i < n; i++) {
        withCopy[i] = i;
      }
      withCopy[n] = unit;
      ImpactSample doubled = sample.select(withCopy);
      double[][] doubledDesign = Standardised.designMatrix(doubled);
      double[] doubledPropensities = MODEL.propensities(doubled);
      boolean[] doubledKept = AttEstimators.keptMask(doubled, doubledPropensities);
      double[][] doubledInformation = AttInfluence.information(doubledDesign, doubledPropensities);
      // adding one unit moves the estimate by about IF / (n + 1)
      assertInfluence(
          weighting,
          AttInfluence.weighting(
              doubled, doubledDesign, doubledPropensities, doubledInformation, doubledKept),
          unit,
          n);
      assertInfluence(
          doublyRobust,
          AttInfluence.doublyRobust(
              doubled, doubledDesign, doubledPropensities, doubledInformation, doubledKept),
          unit,
          n);
      assertInfluence(entropy, AttInfluence.entropyBalancing(doubled, doubledDesign), unit, n);
    }
  }

  private static void assertInfluence(
      AttInfluence.Fitted full, AttInfluence.Fitted doubled, int unit, int n) {
    double empirical = (doubled.estimate() - full.estimate()) * (n + 1);
    double formula = full.influence()[unit];
    assertThat(empirical).isCloseTo(formula, within(0.02 * Math.abs(formula) + 0.02));
  }

  private static double width(Estimate estimate) {
    return estimate.high() - estimate.low();
  }

  private static boolean[] treatedOf(ImpactSample sample) {
    boolean[] treated = new boolean[sample.size()];
    for (int unit = 0; unit < treated.length; unit++) {
      treated[unit] = sample.isTreated(unit);
    }
    return treated;
  }

  private static double[][] covariatesOf(ImpactSample sample) {
    double[][] covariates = new double[sample.size()][sample.covariateCount()];
    for (int unit = 0; unit < covariates.length; unit++) {
      for (int column = 0; column < sample.covariateCount(); column++) {
        covariates[unit][column] = sample.covariate(unit, column);
      }
    }
    return covariates;
  }

  private static double[] outcomesOf(ImpactSample sample) {
    double[] outcomes = new double[sample.size()];
    for (int unit = 0; unit < outcomes.length; unit++) {
      outcomes[unit] = sample.outcome(unit);
    }
    return outcomes;
  }
}
