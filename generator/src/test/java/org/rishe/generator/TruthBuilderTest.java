package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.generator.GroundTruth.Edge;
import org.rishe.generator.GroundTruth.IndirectRoot;

class TruthBuilderTest {
  private final GroundTruth truth =
      TruthBuilder.build(
          List.of(new Outbreak("R03", "malnutrition", YearMonth.of(2024, 6), 3.0)),
          Map.of(DirtyReason.SHORT_ROW, 4L));

  @Test
  void everyEdgeJoinsCatalogueCodesAndHasADetectableEffect() {
    Catalogue catalogue = Catalogue.defaultCatalogue();
    assertThat(truth.edges())
        .allSatisfy(
            edge -> {
              assertThat(catalogue.find(edge.from())).isPresent();
              assertThat(catalogue.find(edge.to())).isPresent();
              // Odds ratios of about 1.6 to 4, detectable at 20,000 families.
              assertThat(edge.logOdds()).isBetween(0.5, 1.4);
            });
    Set<String> problems =
        catalogue.ofKind(Indicator.Kind.PROBLEM).stream()
            .map(Indicator::code)
            .collect(Collectors.toSet());
    assertThat(truth.directCauses().keySet()).isEqualTo(problems);
  }

  @Test
  void parentIlliteracyReachesDelinquencyOnlyThroughOtherNodes() {
    assertThat(truth.edges()).doesNotContain(new Edge("parent_illiterate", "delinquency", 1.0));
    assertThat(truth.directCauses().get("delinquency")).doesNotContain("parent_illiterate");
    assertThat(truth.indirectRoots().get("delinquency"))
        .contains(new IndirectRoot("parent_illiterate", List.of("out_of_school")));
  }

  @Test
  void childLabourLeadsToDelinquencyThroughSchoolDropout() {
    assertThat(truth.directCauses().get("school_dropout")).contains("child_labour");
    assertThat(truth.directCauses().get("delinquency")).contains("school_dropout");
  }

  @Test
  void chronicIllnessSharesACauseWithMalnutritionButCausesNothing() {
    assertThat(truth.confoundedOnly().get("malnutrition")).contains("chronic_illness");
    assertThat(truth.edges()).noneMatch(edge -> edge.from().equals("chronic_illness"));
    assertThat(truth.directCauses().get("malnutrition")).contains("food_insecurity");
  }

  @Test
  void disabilityAndLearningDifficultyAreUnrelatedToEverything() {
    assertThat(truth.unrelated()).containsExactlyInAnyOrder("learning_difficulty", "disability");
    assertThat(truth.edges())
        .noneMatch(
            edge ->
                truth.unrelated().contains(edge.from()) || truth.unrelated().contains(edge.to()));
  }

  @Test
  void theWrittenJsonCarriesEverySectionWithSortedKeys(@TempDir Path temp) throws Exception {
    Path file = temp.resolve("truth.json");
    TruthBuilder.write(truth, file);

    String json = Files.readString(file);
    assertThat(json)
        .contains("\"edges\"", "\"directCauses\"", "\"indirectRoots\"", "\"confoundedOnly\"")
        .contains("\"unrelated\"", "\"programEffects\"", "\"outbreaks\"", "\"dirtyRows\"")
        .contains("\"month\" : \"2024-06\"", "\"short_row\" : 4");
    assertThat(json.indexOf("\"child_labour\"")).isLessThan(json.indexOf("\"substance_use\""));
  }
}
