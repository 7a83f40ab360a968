package org.rishe.api.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root-cause rows of runs published before and after the total effect's test. */
class RootCauseResultsLoaderTest {
  private static final String BEFORE_TOTAL_EFFECTS =
      "'child_labour',NULL::VARCHAR,'out_of_school',50::BIGINT,200::BIGINT,70::BIGINT,"
          + "1000::BIGINT,40::BIGINT,3.2,2.3,4.4,3.9,2.6,5.6,2.5,1.7,3.6,0.24,0.1,0.35,1e-7,1e-6,"
          + "150.0,'strong',1240::BIGINT,120::BIGINT";
  private static final String COLUMNS_BEFORE_TOTAL_EFFECTS =
      "problem, region, factor, exposed_cases, exposed_total, unexposed_cases, unexposed_total,"
          + " missing, relative_risk, relative_risk_low, relative_risk_high, odds_ratio,"
          + " odds_ratio_low, odds_ratio_high, adjusted_odds_ratio, adjusted_odds_ratio_low,"
          + " adjusted_odds_ratio_high, attributable_fraction, attributable_fraction_low,"
          + " attributable_fraction_high, p_value, q_value, median_lead_days, evidence,"
          + " population, cases";
  private static final String TOTAL_EFFECT = ",2.1,1.5,2.9,0.12,0.06,0.18,'parent_illiterate'";
  private static final String TOTAL_EFFECT_COLUMNS =
      ", total_risk_ratio, total_risk_ratio_low, total_risk_ratio_high, total_risk_difference,"
          + " total_risk_difference_low, total_risk_difference_high, total_adjusted_for";

  @Test
  void theTotalEffectsTestIsReadWithIt(@TempDir Path run) throws Exception {
    RootCauseResults.FactorRow row =
        load(
            run,
            BEFORE_TOTAL_EFFECTS + TOTAL_EFFECT + ",1e-5,4e-5",
            COLUMNS_BEFORE_TOTAL_EFFECTS + TOTAL_EFFECT_COLUMNS + ", total_p_value, total_q_value");

    assertThat(row.totalEffect().riskRatio().estimate()).isEqualTo(2.1);
    assertThat(row.totalEffect().pValue()).isEqualTo(1e-5);
    assertThat(row.totalEffect().qValue()).isEqualTo(4e-5);
    assertThat(row.pValue()).isEqualTo(1e-7);
  }

  @Test
  void aRunBeforeTheTestHasATotalEffectWithoutPAndQ(@TempDir Path run) throws Exception {
    RootCauseResults.FactorRow row =
        load(
            run,
            BEFORE_TOTAL_EFFECTS + TOTAL_EFFECT,
            COLUMNS_BEFORE_TOTAL_EFFECTS + TOTAL_EFFECT_COLUMNS);

    assertThat(row.totalEffect().adjustedFor()).containsExactly("parent_illiterate");
    assertThat(row.totalEffect().pValue()).isNull();
    assertThat(row.totalEffect().qValue()).isNull();
  }

  @Test
  void aRunBeforeTotalEffectsHasNone(@TempDir Path run) throws Exception {
    RootCauseResults.FactorRow row = load(run, BEFORE_TOTAL_EFFECTS, COLUMNS_BEFORE_TOTAL_EFFECTS);

    assertThat(row.totalEffect()).isNull();
    assertThat(row.evidence()).isEqualTo("strong");
  }

  private static RootCauseResults.FactorRow load(Path run, String values, String columns)
      throws Exception {
    Files.createDirectories(run.resolve("root_causes"));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ("
              + values
              + ")) AS t("
              + columns
              + ")) TO '"
              + run.resolve("root_causes/part-0.parquet")
              + "' (FORMAT PARQUET)");
      RootCauseResults results = RootCauseResultsLoader.load(statement, run, null);
      assertThat(results.factors()).hasSize(1);
      return results.factors().get(0);
    }
  }
}
