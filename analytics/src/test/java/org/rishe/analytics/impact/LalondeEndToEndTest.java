package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.impact.benchmark.LalondeBatchWriter;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

/**
 * LaLonde's NSW treated with the PSID comparison group, written as a contract batch, ingested and
 * evaluated by the Spark job: the result must equal the array-level estimator's on the same units,
 * so the path through the data contract, ingest and the frames adds no error.
 */
class LalondeEndToEndTest {
  private static final double EXPERIMENTAL_EFFECT = 1794;

  @TempDir Path batch;
  @TempDir Path warehouse;

  @Test
  void sparkPathEqualsTheArrayEstimatorOnPsidControls() {
    ImpactSample direct =
        BenchmarkSamples.lalondeObservational(BenchmarkSamples.directory(), "psid");
    LalondeBatchWriter.write(direct, "psid", batch);
    // Earnings of 1978 are observed three years after the 1976 enrolment. The default scope (the
    // participants' ages, 17-55) would leave out older PSID controls; the array estimator keeps
    // everyone, so this comparison does too.
    ProgramImpactSettings settings =
        ProgramImpactSettings.defaults()
            .withFollowUp(30, 1100)
            .withAgeRange(0, 120)
            .withOptions(ImpactOptions.defaults(20260101));

    List<ProgramImpactJob.Evaluation> evaluations =
        ImpactWarehouse.ingestAndEvaluate(batch, warehouse, settings);

    assertThat(evaluations).hasSize(1);
    ProgramImpactJob.Evaluation evaluation = evaluations.get(0);
    assertThat(evaluation.outcome()).isEqualTo("earnings_1978");
    assertThat(evaluation.outcomeType()).isEqualTo(ResultTables.OUTCOME_MEAN_DIFFERENCE);
    // The coding rule reproduces Dehejia & Wahba's covariates, named after the indicators.
    assertThat(evaluation.covariateNames())
        .containsExactlyInAnyOrder(
            "age",
            "age_squared",
            "years_of_schooling",
            "years_of_schooling_squared",
            "married",
            "no_degree",
            "black",
            "hispanic",
            "earnings_1974",
            "earnings_1974_squared",
            "earnings_1974_zero",
            "earnings_1975",
            "earnings_1975_squared",
            "earnings_1975_zero");
    // The frame is ordered by pseudonym; put the array sample in that order so the bootstrap
    // draws the same units.
    int[] order =
        IntStream.range(0, direct.size())
            .boxed()
            .sorted(
                Comparator.comparing(unit -> ImpactWarehouse.PSEUDONYMS.pseudonym("psid-p" + unit)))
            .mapToInt(Integer::intValue)
            .toArray();
    ImpactResult expected =
        new ImpactEstimator(
                new SparkLogisticPropensityModel(TestSparkSessions.shared()),
                new NewtonLogisticPropensityModel(),
                settings.options())
            .estimate(direct.select(order));
    ImpactResult actual = evaluation.result();

    assertThat(actual.treated()).isEqualTo(185);
    assertThat(actual.controls()).isEqualTo(2490);
    assertThat(actual.trimmedControls()).isEqualTo(expected.trimmedControls());
    assertSame(actual.naiveDifference(), expected.naiveDifference());
    assertSame(actual.inverseProbabilityWeighting(), expected.inverseProbabilityWeighting());
    assertSame(actual.doublyRobust(), expected.doublyRobust());
    assertSame(actual.matching(), expected.matching());
    assertSame(actual.stratification(), expected.stratification());
    assertThat(actual.naiveDifference().estimate()).isCloseTo(-15205, within(1.0));
    assertThat(actual.doublyRobust().covers(EXPERIMENTAL_EFFECT)).isTrue();
    assertThat(actual.doublyRobust().estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(1000.0));
  }

  /** Equal up to the optimiser's tolerance: a cent on earnings in the thousands of dollars. */
  private static void assertSame(Estimate actual, Estimate expected) {
    assertThat(actual.estimate()).isCloseTo(expected.estimate(), within(0.01));
    assertThat(actual.low()).isCloseTo(expected.low(), within(0.01));
    assertThat(actual.high()).isCloseTo(expected.high(), within(0.01));
  }
}
