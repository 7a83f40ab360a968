package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

/** {@code program_balance} as written from hand-built results whose imbalances are chosen. */
class ProgramImpactTablesTest {
  @Test
  void balanceCountsEachCovariatesUnbalancedStrataOfItsOwnEstimate() {
    // PRG01 x school_enrolled: 6 strata; age unbalanced in two of them, female in one, region in
    // none
    ProgramImpactJob.Evaluation school =
        evaluation(
            "school_enrolled",
            6,
            List.of(imbalance("age", 0), imbalance("female", 1), imbalance("age", 3)));
    // PRG01 x reading_score: the same covariates, 3 strata, every one unbalanced in region_R02
    ProgramImpactJob.Evaluation reading =
        evaluation(
            "reading_score",
            3,
            List.of(
                imbalance("region_R02", 0),
                imbalance("region_R02", 1),
                imbalance("region_R02", 2)));

    Dataset<Row> table =
        ProgramImpactTables.balance(TestSparkSessions.shared(), List.of(school, reading));

    // the columns of old, then the two new ones
    assertThat(table.schema().fieldNames())
        .containsExactly(
            ResultTables.PROGRAM_ID,
            ResultTables.OUTCOME,
            ResultTables.COVARIATE,
            ResultTables.SMD_BEFORE,
            ResultTables.SMD_AFTER,
            ResultTables.BINARY,
            ResultTables.STRATA,
            ResultTables.UNBALANCED_STRATA);
    assertThat(table.schema().apply(ResultTables.STRATA).dataType())
        .isEqualTo(DataTypes.IntegerType);
    assertThat(table.schema().apply(ResultTables.UNBALANCED_STRATA).dataType())
        .isEqualTo(DataTypes.IntegerType);
    Map<String, String> counts =
        table.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row ->
                        row.getAs(ResultTables.OUTCOME) + "/" + row.getAs(ResultTables.COVARIATE),
                    row ->
                        row.<Integer>getAs(ResultTables.UNBALANCED_STRATA)
                            + " of "
                            + row.<Integer>getAs(ResultTables.STRATA)));
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "school_enrolled/age", "2 of 6",
                "school_enrolled/female", "1 of 6",
                "school_enrolled/region_R02", "0 of 6",
                "reading_score/age", "0 of 3",
                "reading_score/female", "0 of 3",
                "reading_score/region_R02", "3 of 3"));
  }

  @Test
  void aCovariateNeverUnbalancedCountsZero() {
    assertThat(ProgramImpactTables.unbalancedStrata(List.of())).isEmpty();
    assertThat(
            ProgramImpactTables.unbalancedStrata(
                List.of(
                    new StratumImbalance(0.0, 0.5, "age", 1.0),
                    new StratumImbalance(0.5, 1.0, "age", 2.0))))
        .containsExactly(Map.entry("age", 2));
  }

  /** The covariate unbalanced in the stratum of that index, strata being 0.2 wide. */
  private static StratumImbalance imbalance(String covariate, int stratum) {
    return new StratumImbalance(stratum * 0.2, (stratum + 1) * 0.2, covariate, 0.5);
  }

  /** PRG01's result with balance rows for age, female and region_R02, and the given strata. */
  private static ProgramImpactJob.Evaluation evaluation(
      String outcome, int strata, List<StratumImbalance> imbalances) {
    Estimate estimate = new Estimate(0.1, 0.0, 0.2);
    List<BalanceRow> balance =
        List.of(
            new BalanceRow("age", 0.4, 0.01, false),
            new BalanceRow("female", -0.2, 0.02, true),
            new BalanceRow("region_R02", 0.1, -0.03, true));
    ImpactResult result =
        new ImpactResult(
            estimate,
            estimate,
            estimate,
            estimate,
            estimate,
            estimate,
            100,
            400,
            10,
            0,
            strata,
            0,
            0,
            balance,
            imbalances,
            ImpactOptions.Variance.CLOSED_FORM,
            300);
    return new ProgramImpactJob.Evaluation(
        "PRG01",
        outcome,
        ResultTables.OUTCOME_RISK_DIFFERENCE,
        null,
        List.of("age", "female", "region_R02"),
        result);
  }
}
