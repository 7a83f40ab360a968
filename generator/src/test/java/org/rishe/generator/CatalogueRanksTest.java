package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.generator.CausalNode.Level;

/**
 * The default catalogue's causal ranks say what the generator's causal model does: a factor that
 * causes another of its own tier (family or person) is ranked before it, and the generated batch
 * carries the same catalogue.
 */
class CatalogueRanksTest {
  private final Catalogue catalogue = Catalogue.defaultCatalogue();

  @Test
  void everyFactorIsRankedAndEverySameTierCauseRankedBeforeItsEffect() {
    int checked = 0;
    for (CausalNode node : CausalModel.nodes()) {
      Integer rank = rank(node.code());
      if (node.level() == Level.PROBLEM) {
        assertThat(rank).as(node.code() + ": problems keep their onset order").isNull();
        continue;
      }
      assertThat(rank).as(node.code()).isNotNull();
      for (CausalNode.Cause cause : node.causes()) {
        CausalNode parent = CausalModel.nodes().get(CausalModel.index(cause.code()));
        if (parent.level() == node.level()) {
          assertThat(rank(parent.code())).as(parent.code() + " -> " + node.code()).isLessThan(rank);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
    assertThat(rank("parent_illiterate")).isLessThan(rank("household_income"));
    assertThat(rank("household_income")).isLessThan(rank("food_insecurity"));
  }

  @Test
  void theGeneratedBatchCarriesTheDefaultCatalogueWithItsRanks(@TempDir Path folder)
      throws IOException {
    SyntheticBatchGenerator.generate(SyntheticBatchGeneratorTest.config(folder, 5, 1));

    try (InputStream shipped = Catalogue.class.getResourceAsStream(Catalogue.DEFAULT_RESOURCE)) {
      assertThat(Files.readAllBytes(folder.resolve("indicators.csv")))
          .isEqualTo(shipped.readAllBytes());
    }
  }

  private Integer rank(String code) {
    return catalogue.find(code).map(Indicator::causalRank).orElse(null);
  }
}
