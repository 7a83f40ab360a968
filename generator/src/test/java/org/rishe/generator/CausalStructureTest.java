package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.generator.GroundTruth.Edge;

/** The raw files of a batch carry the time order and the associations the truth promises. */
class CausalStructureTest {
  @TempDir static Path temp;
  private static GeneratedChildren batch;
  private static GroundTruth truth;

  @BeforeAll
  static void generate() {
    Path folder = temp.resolve("causal");
    truth =
        SyntheticBatchGenerator.generate(SyntheticBatchGeneratorTest.config(folder, 3000, 13))
            .truth();
    batch = new GeneratedChildren(folder);
  }

  @Test
  void everyCaseOpensAfterTheFirstObservationOfEachDirectCause() {
    int checked = 0;
    for (Map.Entry<String, Map<String, LocalDate>> person : batch.cases.entrySet()) {
      for (Map.Entry<String, LocalDate> problem : person.getValue().entrySet()) {
        for (String cause : truth.directCauses().get(problem.getKey())) {
          String[] observed = batch.firstObservation(person.getKey(), cause);
          if (observed != null) {
            assertThat(LocalDate.parse(observed[0])).isBefore(problem.getValue());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void aCausingProblemOpensBeforeTheProblemItCauses() {
    int checked = 0;
    for (Edge edge : truth.edges()) {
      boolean problemToProblem =
          truth.directCauses().containsKey(edge.from())
              && truth.directCauses().containsKey(edge.to());
      if (!problemToProblem) {
        continue;
      }
      for (Map<String, LocalDate> opened : batch.cases.values()) {
        if (opened.containsKey(edge.from()) && opened.containsKey(edge.to())) {
          assertThat(opened.get(edge.from())).as(edge.toString()).isBefore(opened.get(edge.to()));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void aDirectCauseShowsAStrongCrudeAssociation() {
    assertThat(crudeLogOdds("food_insecurity", "malnutrition").value()).isGreaterThan(0.8);
    assertThat(crudeLogOdds("family_conflict", "domestic_violence").value()).isGreaterThan(0.8);
  }

  @Test
  void anUnrelatedFactorShowsNoAssociation() {
    for (String factor : List.of("disability", "learning_difficulty")) {
      LogOdds logOdds = crudeLogOdds(factor, "delinquency");
      assertThat(Math.abs(logOdds.value())).as(factor).isLessThan(4 * logOdds.standardError());
    }
  }

  /** Log odds ratio of ever having a case of the problem, exposed against unexposed children. */
  private static LogOdds crudeLogOdds(String factor, String problem) {
    double[][] table = new double[2][2];
    for (String child : batch.children) {
      Boolean exposed = batch.exposure(child, factor);
      if (exposed == null) {
        continue;
      }
      boolean hasCase = batch.cases.getOrDefault(child, Map.of()).containsKey(problem);
      table[exposed ? 1 : 0][hasCase ? 1 : 0]++;
    }
    double value = Math.log(table[1][1] * table[0][0] / (table[1][0] * table[0][1]));
    double standardError =
        Math.sqrt(1 / table[1][1] + 1 / table[1][0] + 1 / table[0][1] + 1 / table[0][0]);
    return new LogOdds(value, standardError);
  }

  private record LogOdds(double value, double standardError) {}
}
