package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Standardised risks by g-computation against values computed apart: Katz's interval where the
 * model is saturated, and a separate numpy implementation of the same estimating equations
 * (Newton-fitted logistic model, influence values summed by family, G/(G-1)) for a confounded
 * sample in families of two.
 */
class TotalEffectsTest {
  private static final double Z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
  private static final int N = 400;
  private static final List<String> CODES = List.of("exposure", "confounder");

  /**
   * 400 people, one region, age 10, all boys: confounder C on 2 in 5; exposure X more common with
   * C; the case Y more common with X and with C. The same rules in numpy give the expected values.
   */
  private static AdjustedOddsRatios.Sample sample(int[] families) {
    byte[][] status = new byte[2][N];
    boolean[] isCase = new boolean[N];
    for (int i = 0; i < N; i++) {
      int c = i % 5 < 2 ? 1 : 0;
      int x = (i * 7) % 10 < (c == 1 ? 6 : 3) ? 1 : 0;
      status[0][i] = (byte) x;
      status[1][i] = (byte) c;
      isCase[i] = (i * 13) % 20 < 2 + 3 * x + 4 * c;
    }
    double[] age = new double[N];
    java.util.Arrays.fill(age, 10);
    return new AdjustedOddsRatios.Sample(
        List.of("R01"), new int[N], age, new byte[N], isCase, new double[N], status, families);
  }

  private static ModelSampling everyone() {
    return ModelSampling.of("problem", List.of(), List.of("R01"), CODES, 50_000);
  }

  @Test
  void withoutConfoundersTheStandardisedRatioIsTheCrudeOneWithKatzsInterval() {
    int[] ownFamilies = IntStream.range(0, N).toArray();

    TotalEffects.TotalEffect effect =
        TotalEffects.estimate(sample(ownFamilies), 0, new int[0], List.of(), -1, everyone())
            .orElseThrow();

    // exposed: 60 cases of 160; unexposed: 40 of 240
    assertThat(effect.riskExposed()).isCloseTo(60.0 / 160, within(1e-10));
    assertThat(effect.riskUnexposed()).isCloseTo(40.0 / 240, within(1e-10));
    assertThat(effect.riskRatio().estimate()).isCloseTo(2.25, within(1e-9));
    double katz = Math.sqrt((1.0 / 60 - 1.0 / 160 + 1.0 / 40 - 1.0 / 240) * N / (N - 1));
    assertThat(effect.riskRatio().low()).isCloseTo(2.25 * Math.exp(-Z * katz), within(1e-8));
    assertThat(effect.riskRatio().high()).isCloseTo(2.25 * Math.exp(Z * katz), within(1e-8));
    assertThat(effect.logRatioStandardError()).isCloseTo(katz, within(1e-9));
    // mpmath: erfc(z / sqrt 2) with z = log 2.25 / katz = 4.58157630876965 (to the fit's precision)
    assertThat(effect.pValue()).isCloseTo(4.6148414865718980846e-6, withinPercentage(1e-4));
    double p1 = 60.0 / 160;
    double p0 = 40.0 / 240;
    double wald = Math.sqrt((p1 * (1 - p1) / 160 + p0 * (1 - p0) / 240) * N / (N - 1));
    assertThat(effect.riskDifference().low()).isCloseTo(p1 - p0 - Z * wald, within(1e-9));
    assertThat(effect.people()).isEqualTo(N);
    assertThat(effect.families()).isEqualTo(N);
    // without confounders R0 is the unexposed risk: AF = 1 - (40/240) / (100/400)
    assertThat(effect.attributableFraction().estimate())
        .isCloseTo(1 - (40.0 / 240) / 0.25, within(1e-10));
  }

  @Test
  void aConfoundedSampleInFamiliesMatchesAnIndependentImplementation() {
    int[] pairs = IntStream.range(0, N).map(i -> i / 2).toArray();

    TotalEffects.TotalEffect effect =
        TotalEffects.estimate(
                sample(pairs), 0, new int[] {1}, List.of("confounder"), -1, everyone())
            .orElseThrow();

    // numpy: R1 = 0.229708062143177, R0 = 0.277824837285906, var log RR = 0.0359036110131931,
    // var RD = 0.00228708285187719 (200 families)
    assertThat(effect.riskExposed()).isCloseTo(0.229708062143177, within(1e-9));
    assertThat(effect.riskUnexposed()).isCloseTo(0.277824837285906, within(1e-9));
    double ratio = 0.229708062143177 / 0.277824837285906;
    assertThat(effect.riskRatio().estimate()).isCloseTo(ratio, within(1e-8));
    assertThat(effect.riskRatio().high())
        .isCloseTo(ratio * Math.exp(Z * Math.sqrt(0.0359036110131931)), within(1e-7));
    // mpmath: erfc(|z| / sqrt 2) with z = log(R1/R0) / sqrt(var log RR) = -1.00368975359470
    assertThat(effect.pValue()).isCloseTo(0.31552817741181341535, within(1e-8));
    assertThat(effect.riskDifference().low())
        .isCloseTo(-0.0481167751427291 - Z * Math.sqrt(0.00228708285187719), within(1e-8));
    assertThat(effect.adjustedFor()).containsExactly("confounder");
    assertThat(effect.families()).isEqualTo(200);
    // numpy: AF = 1 - R0/P = -0.111299349143625 (P = 0.25), var log(R0/P) = 0.0107006263637173
    assertThat(effect.attributableFraction().estimate())
        .isCloseTo(-0.111299349143625, within(1e-9));
    assertThat(effect.attributableFraction().low())
        .isCloseTo(
            1 - 0.277824837285906 / 0.25 * Math.exp(Z * Math.sqrt(0.0107006263637173)),
            within(1e-8));
  }

  @Test
  void aModelFittedOnADrawPerCellStandardisesToThePopulationsRisks() {
    // 30,000 people: C on 30%; X on 10% + 20% with C; risk 0.05 + 0.10 X + 0.10 C
    int size = 30_000;
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261204);
    byte[][] status = new byte[2][size];
    boolean[] isCase = new boolean[size];
    double[] draw = new double[size];
    long[] cells = new long[4];
    for (int i = 0; i < size; i++) {
      int c = random.nextDouble() < 0.3 ? 1 : 0;
      int x = random.nextDouble() < 0.1 + 0.2 * c ? 1 : 0;
      status[0][i] = (byte) x;
      status[1][i] = (byte) c;
      isCase[i] = random.nextDouble() < 0.05 + 0.10 * x + 0.10 * c;
      draw[i] = random.nextDouble();
      cells[2 * x + (isCase[i] ? 1 : 0)]++;
    }
    double[] age = new double[size];
    java.util.Arrays.fill(age, 10);
    AdjustedOddsRatios.Sample sample =
        new AdjustedOddsRatios.Sample(
            List.of("R01"),
            new int[size],
            age,
            new byte[size],
            isCase,
            draw,
            status,
            IntStream.range(0, size).toArray());
    List<RootCauseStatistics.Counts> counts =
        List.of(
            new RootCauseStatistics.Counts(
                "problem",
                null,
                "exposure",
                cells[3],
                cells[2] + cells[3],
                cells[1],
                cells[0] + cells[1],
                null,
                null));
    ModelSampling drawn = ModelSampling.of("problem", counts, List.of("R01"), CODES, 4_000);
    assertThat(drawn.fraction(-1, 0, 0, false)).isLessThan(0.1);

    TotalEffects.TotalEffect whole =
        TotalEffects.estimate(sample, 0, new int[] {1}, List.of("confounder"), -1, everyone())
            .orElseThrow();
    TotalEffects.TotalEffect kept =
        TotalEffects.estimate(sample, 0, new int[] {1}, List.of("confounder"), -1, drawn)
            .orElseThrow();

    assertThat(kept.people()).isLessThan(4_100);
    // the weighted risks estimate the population's, within the draw's own interval
    double logWhole = Math.log(whole.riskRatio().estimate());
    double keptError =
        (Math.log(kept.riskRatio().high()) - Math.log(kept.riskRatio().low())) / (2 * Z);
    assertThat(Math.abs(Math.log(kept.riskRatio().estimate()) - logWhole))
        .isLessThan(Z * keptError);
    assertThat(kept.riskUnexposed()).isCloseTo(whole.riskUnexposed(), within(0.02));
    assertThat(kept.riskRatio().high() - kept.riskRatio().low())
        .isGreaterThan(whole.riskRatio().high() - whole.riskRatio().low());
  }

  @Test
  void onlyCodesStrictlyBeforeTheFactorAreAdjustedFor() {
    CausalOrder order =
        new CausalOrder(
            Map.of(
                "poverty", CausalOrder.FAMILY_FACTOR,
                "out_of_school", CausalOrder.PERSON_FACTOR,
                "peer_delinquency", CausalOrder.PERSON_FACTOR,
                "school_dropout", CausalOrder.PROBLEM,
                "delinquency", CausalOrder.PROBLEM),
            Map.of("school_dropout", 100.0, "delinquency", 400.0));
    List<String> codes =
        List.of("delinquency", "out_of_school", "peer_delinquency", "poverty", "school_dropout");

    // the mediator peer_delinquency (same tier) is not adjusted for; the earlier poverty is
    assertThat(order.totalEffectConfounders("out_of_school", "delinquency", codes))
        .containsExactly("poverty");
    assertThat(order.totalEffectConfounders("school_dropout", "delinquency", codes))
        .containsExactly("out_of_school", "peer_delinquency", "poverty");
    assertThat(order.totalEffectConfounders("poverty", "delinquency", codes)).isEmpty();
  }
}
