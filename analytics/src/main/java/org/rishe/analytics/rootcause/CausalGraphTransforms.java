package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.rishe.analytics.rootcause.ExposureTransforms.AGE;
import static org.rishe.analytics.rootcause.ExposureTransforms.ONSET;
import static org.rishe.analytics.rootcause.ExposureTransforms.PERSON;
import static org.rishe.analytics.rootcause.ExposureTransforms.PROBLEM;
import static org.rishe.analytics.rootcause.ExposureTransforms.REGION;
import static org.rishe.analytics.rootcause.ExposureTransforms.SEX;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Spark side of the causal graph: one discrete value per person in scope and variable, and the
 * counts of every distinct combination in one aggregation. Variables are the demographics (sex, age
 * band, optionally region), every factor's exposure status (0 unexposed, 1 exposed, 2 missing) and
 * every problem's case flag (0 or 1), all read at one common index date: the end of follow-up.
 */
public final class CausalGraphTransforms {
  public static final String SEX_VARIABLE = "sex";
  public static final String AGE_BAND = "age_band";
  public static final String REGION_VARIABLE = "region";
  public static final String COUNT = "count";

  /**
   * Per pattern, the sum over its people of 1 / (people in scope in their family): summed over the
   * patterns of family-level values only, it counts families, not their members.
   */
  public static final String FAMILY_WEIGHT = "family_weight";

  /** Code of a factor whose status is unknown at the index: a category of its own. */
  public static final int MISSING = 2;

  /**
   * The name of the common index date in {@link RootCauseTransforms#commonIndexMatrix}: it is no
   * catalogue code, so no factor is left out against it.
   */
  static final String COMMON_INDEX = "_common_index";

  private CausalGraphTransforms() {}

  /**
   * One row per distinct combination of the variables, with its {@code count} of people: the only
   * data the structure search reads, bounded by the product of the cardinalities rather than by the
   * number of people. {@code matrix} is {@link RootCauseTransforms#commonIndexMatrix}; {@code
   * regions} lists the region codes (index = code), empty to leave region out. When the matrix has
   * a {@link #FAMILY_WEIGHT} column, its sum per pattern comes along too.
   */
  public static Dataset<Row> patternCounts(
      Dataset<Row> matrix, List<String> factors, List<String> problems, List<String> regions) {
    List<Column> variables = codedVariables(factors, problems, regions);
    boolean weighted = Arrays.asList(matrix.columns()).contains(FAMILY_WEIGHT);
    if (weighted) {
      variables.add(col(FAMILY_WEIGHT));
    }
    Dataset<Row> coded = matrix.select(variables.toArray(new Column[0]));
    Column[] keys =
        Arrays.stream(coded.columns())
            .filter(name -> !name.equals(FAMILY_WEIGHT))
            .map(name -> col(name))
            .toArray(Column[]::new);
    return weighted
        ? coded
            .groupBy(keys)
            .agg(count(lit(1)).as(COUNT), sum(col(FAMILY_WEIGHT)).as(FAMILY_WEIGHT))
        : coded.groupBy(keys).count();
  }

  /**
   * Each person's code of every variable of the causal graph, in {@link
   * CausalGraphStep#variableNames} order, as columns over {@link
   * RootCauseTransforms#commonIndexMatrix}: the codes {@link #patternCounts} counts.
   */
  static List<Column> codedVariables(
      List<String> factors, List<String> problems, List<String> regions) {
    List<Column> variables = new ArrayList<>();
    variables.add(
        when(col(SEX).equalTo(lit("female")), lit(1))
            .when(col(SEX).equalTo(lit("male")), lit(0))
            .otherwise(lit(2))
            .as(SEX_VARIABLE));
    variables.add(
        when(col(AGE).leq(lit(8)), lit(0))
            .when(col(AGE).leq(lit(12)), lit(1))
            .otherwise(lit(2))
            .as(AGE_BAND));
    if (!regions.isEmpty()) {
      Column region = lit(regions.size() - 1);
      for (int index = regions.size() - 2; index >= 0; index--) {
        region = when(col(REGION).equalTo(lit(regions.get(index))), lit(index)).otherwise(region);
      }
      variables.add(region.as(REGION_VARIABLE));
    }
    for (String factor : factors) {
      variables.add(coalesce(col(factor).cast("int"), lit(MISSING)).as(factor));
    }
    for (String problem : problems) {
      // Not having a case is a known answer (unexposed from registration), never missing.
      variables.add(coalesce(col(problem).cast("int"), lit(0)).as(problem));
    }
    return variables;
  }

  /**
   * One row per ordered pair of problems some person has both of: {@code first} the problem, {@code
   * second} the other, and {@code count} the people whose first case of {@code first} opened
   * strictly before their first case of {@code second}. Onsets are one row per person and problem
   * ({@link ExposureTransforms#onsets}).
   */
  public static Dataset<Row> onsetOrder(Dataset<Row> onsets) {
    Dataset<Row> first = onsets.select(col(PERSON), col(PROBLEM).as("first"), col(ONSET).as("_a"));
    Dataset<Row> second =
        onsets.select(col(PERSON).as("_person"), col(PROBLEM).as("second"), col(ONSET).as("_b"));
    return first
        .join(second, first.col(PERSON).equalTo(second.col("_person")))
        .filter(col("_a").lt(col("_b")))
        .groupBy(col("first"), col("second"))
        .count();
  }
}
