package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovers the planted programme effects from the raw files by the simplest honest method: compare
 * enrolled with never-enrolled children within strata of the variables enrolment depends on, and
 * average the differences weighted by enrolled children. Tolerance: four standard errors.
 */
class ProgramEffectTest {
  @TempDir static Path temp;
  private static GeneratedChildren batch;

  @BeforeAll
  static void generate() {
    Path folder = temp.resolve("programs");
    SyntheticBatchGenerator.generate(SyntheticBatchGeneratorTest.config(folder, 4000, 21));
    batch = new GeneratedChildren(folder);
  }

  @Test
  void educationSupportRaisesSchoolEnrolmentByItsPlantedRiskDifference() {
    Estimate estimate =
        stratified(ProgramCatalogue.EDUCATION, "school_enrolled", this::schoolStratum);

    assertThat(estimate.standardError()).isLessThan(0.05);
    assertThat(estimate.value())
        .isCloseTo(
            ProgramCatalogue.EDUCATION_ENROLLED_EFFECT, within(4 * estimate.standardError()));
  }

  @Test
  void confoundedEnrolmentHidesMostOfTheEffectFromTheNaiveComparison() {
    Estimate adjusted =
        stratified(ProgramCatalogue.EDUCATION, "school_enrolled", this::schoolStratum);
    Estimate naive = stratified(ProgramCatalogue.EDUCATION, "school_enrolled", child -> "all");

    assertThat(naive.value()).isLessThan(adjusted.value() - 2 * adjusted.standardError());
  }

  @Test
  void educationSupportRaisesReadingScoresByItsPlantedPoints() {
    Estimate estimate =
        stratified(ProgramCatalogue.EDUCATION, "reading_score", this::schoolStratum);

    assertThat(estimate.standardError()).isLessThan(1.5);
    assertThat(estimate.value())
        .isCloseTo(ProgramCatalogue.EDUCATION_READING_EFFECT, within(4 * estimate.standardError()));
  }

  @Test
  void counsellingHasNoEffectOnWellbeing() {
    Estimate estimate =
        stratified(
            ProgramCatalogue.COUNSELLING,
            "wellbeing_score",
            child -> String.valueOf(batch.exposure(child, "family_conflict")));

    assertThat(estimate.standardError()).isLessThan(2.0);
    assertThat(estimate.value()).isCloseTo(0.0, within(4 * estimate.standardError()));
  }

  private String schoolStratum(String child) {
    Boolean outOfSchool = batch.exposure(child, "out_of_school");
    Boolean poor = batch.exposure(child, "household_income");
    return outOfSchool == null || poor == null ? null : outOfSchool + "|" + poor;
  }

  /** The enrolled-weighted mean of within-stratum differences, with its standard error. */
  private static Estimate stratified(
      String programId, String outcome, Function<String, String> stratumOf) {
    Map<String, double[][]> strata = new HashMap<>();
    for (String child : batch.children) {
      Double value = batch.number(child, outcome);
      String stratum = stratumOf.apply(child);
      if (value == null || stratum == null || stratum.contains("null")) {
        continue;
      }
      int arm = batch.enrolled.getOrDefault(programId, Set.of()).contains(child) ? 1 : 0;
      double[] sums = strata.computeIfAbsent(stratum, key -> new double[2][3])[arm];
      sums[0]++;
      sums[1] += value;
      sums[2] += value * value;
    }
    double treatedTotal = 0;
    for (double[][] arms : strata.values()) {
      treatedTotal += arms[0][0] >= 2 && arms[1][0] >= 2 ? arms[1][0] : 0;
    }
    double estimate = 0;
    double variance = 0;
    for (double[][] arms : strata.values()) {
      if (arms[0][0] < 2 || arms[1][0] < 2) {
        continue;
      }
      double weight = arms[1][0] / treatedTotal;
      estimate += weight * (mean(arms[1]) - mean(arms[0]));
      variance +=
          weight
              * weight
              * (sampleVariance(arms[1]) / arms[1][0] + sampleVariance(arms[0]) / arms[0][0]);
    }
    return new Estimate(estimate, Math.sqrt(variance));
  }

  private static double mean(double[] sums) {
    return sums[1] / sums[0];
  }

  private static double sampleVariance(double[] sums) {
    double mean = mean(sums);
    return (sums[2] - sums[0] * mean * mean) / (sums[0] - 1);
  }

  private record Estimate(double value, double standardError) {}
}
