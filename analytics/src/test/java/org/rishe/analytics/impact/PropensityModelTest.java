package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Bootstrap;
import org.rishe.spark.TestSparkSessions;

class PropensityModelTest {
  /** Treatment drawn from a known logistic model: logit P = -0.5 + 1.0 x1 - 0.7 x2. */
  private static ImpactSample simulated(int size) {
    SplittableRandom random = new SplittableRandom(42);
    boolean[] treated = new boolean[size];
    double[][] covariates = new double[size][];
    double[] outcomes = new double[size];
    for (int unit = 0; unit < size; unit++) {
      double first = random.nextDouble() * 2 - 1;
      double second = random.nextDouble() * 4;
      double probability = 1 / (1 + Math.exp(-(-0.5 + first - 0.7 * second)));
      treated[unit] = random.nextDouble() < probability;
      covariates[unit] = new double[] {first, second};
      outcomes[unit] = first;
    }
    return new ImpactSample(List.of("first", "second"), treated, covariates, outcomes);
  }

  @Test
  void newtonAndSparkFitsGiveTheSamePropensities() {
    ImpactSample sample = simulated(2000);

    double[] newton = new NewtonLogisticPropensityModel().propensities(sample);
    double[] spark =
        new SparkLogisticPropensityModel(TestSparkSessions.shared()).propensities(sample);

    for (int unit = 0; unit < sample.size(); unit++) {
      assertThat(spark[unit]).isCloseTo(newton[unit], within(1e-4));
    }
  }

  /**
   * Quasi-separation: {@code simulated(size)} plus a covariate, "adult", for about a fifth of the
   * units, none of whom took part (as a programme for children gives every adult).
   */
  private static ImpactSample withAdultsWhoNeverTakePart(ImpactSample sample) {
    SplittableRandom random = new SplittableRandom(11);
    boolean[] treated = new boolean[sample.size()];
    double[][] covariates = new double[sample.size()][];
    double[] outcomes = new double[sample.size()];
    for (int unit = 0; unit < sample.size(); unit++) {
      boolean adult = random.nextDouble() < 0.2;
      treated[unit] = sample.isTreated(unit) && !adult;
      covariates[unit] =
          new double[] {sample.covariate(unit, 0), sample.covariate(unit, 1), adult ? 1 : 0};
      outcomes[unit] = sample.outcome(unit);
    }
    return new ImpactSample(List.of("first", "second", "adult"), treated, covariates, outcomes);
  }

  @Test
  void aQuasiSeparatedFitStopsOnceTheLikelihoodIsFlatWithTheOthersAtTheirOwnMaximum() {
    ImpactSample sample = withAdultsWhoNeverTakePart(simulated(2000));
    int[] children =
        IntStream.range(0, sample.size()).filter(unit -> sample.covariate(unit, 2) == 0).toArray();
    boolean[] childTreated = new boolean[children.length];
    double[][] childCovariates = new double[children.length][];
    double[] childOutcomes = new double[children.length];
    for (int index = 0; index < children.length; index++) {
      int unit = children[index];
      childTreated[index] = sample.isTreated(unit);
      childCovariates[index] = new double[] {sample.covariate(unit, 0), sample.covariate(unit, 1)};
      childOutcomes[index] = sample.outcome(unit);
    }
    ImpactSample childrenOnly =
        new ImpactSample(List.of("first", "second"), childTreated, childCovariates, childOutcomes);

    NewtonLogisticPropensityModel.Fit fit = new NewtonLogisticPropensityModel().fit(sample);
    double[] propensities = new NewtonLogisticPropensityModel().propensities(sample);
    // The maximum-likelihood fit of the children alone, by MLlib: the limit the separated fit's
    // other coefficients approach as the adults' coefficient runs to minus infinity.
    double[] reference =
        new SparkLogisticPropensityModel(TestSparkSessions.shared()).propensities(childrenOnly);

    assertThat(fit.iterations()).as("Newton steps").isLessThan(40);
    for (int index = 0; index < children.length; index++) {
      assertThat(propensities[children[index]]).isCloseTo(reference[index], within(1e-4));
    }
    for (int unit = 0; unit < sample.size(); unit++) {
      if (sample.covariate(unit, 2) == 1) {
        assertThat(propensities[unit]).as("an adult's propensity").isLessThan(1e-8);
      }
    }
  }

  @Test
  void newtonFitRecoversTheTrueModel() {
    ImpactSample sample = simulated(20000);

    double[] fitted = new NewtonLogisticPropensityModel().propensities(sample);

    // With 20,000 units the fitted probabilities sit within a few hundredths of the truth.
    for (int unit = 0; unit < sample.size(); unit += 97) {
      double truth =
          1 / (1 + Math.exp(-(-0.5 + sample.covariate(unit, 0) - 0.7 * sample.covariate(unit, 1))));
      assertThat(fitted[unit]).isCloseTo(truth, within(0.03));
    }
  }

  @Test
  void aResampleFitStartedFromTheSamplesOwnFitReachesTheSameMaximumAsOneFromZero() {
    ImpactSample sample = simulated(3000);
    ImpactSample resample = sample.select(Bootstrap.resample(3000, new SplittableRandom(7)));

    double[] cold = new NewtonLogisticPropensityModel().propensities(resample);
    double[] warm =
        new NewtonLogisticPropensityModel().forResamplesOf(sample).propensities(resample);

    for (int unit = 0; unit < resample.size(); unit++) {
      assertThat(warm[unit]).isCloseTo(cold[unit], within(1e-9));
    }
  }

  @Test
  void bootstrapIntervalsDoNotDependOnHowTheParallelResamplesAreScheduled() {
    ImpactSample sample = simulated(1500);
    ImpactEstimator estimator =
        new ImpactEstimator(
            new NewtonLogisticPropensityModel(),
            new NewtonLogisticPropensityModel(),
            new ImpactOptions(50, 11, 0.2).withVariance(ImpactOptions.Variance.BOOTSTRAP));

    ImpactResult first = estimator.estimate(sample);
    ImpactResult second = estimator.estimate(sample);

    assertThat(second.inverseProbabilityWeighting()).isEqualTo(first.inverseProbabilityWeighting());
    assertThat(second.doublyRobust()).isEqualTo(first.doublyRobust());
    assertThat(second.matching()).isEqualTo(first.matching());
  }
}
