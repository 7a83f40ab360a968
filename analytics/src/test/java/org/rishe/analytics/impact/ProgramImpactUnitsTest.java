package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A programme × outcome's frame rows, as an executor receives them in any order, become the same
 * units ordered by person: the estimate does not depend on the order Spark delivered the rows.
 */
class ProgramImpactUnitsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(ProgramImpactTransforms.PERSON_ID, DataTypes.StringType)
          .add(ProgramImpactTransforms.TREATED, DataTypes.BooleanType)
          .add(ProgramImpactTransforms.AGE, DataTypes.IntegerType)
          .add(ProgramImpactTransforms.SEX, DataTypes.StringType)
          .add(ProgramImpactTransforms.REGION, DataTypes.StringType)
          .add("income", DataTypes.DoubleType)
          .add(ProgramImpactTransforms.OUTCOME_VALUE, DataTypes.DoubleType)
          .add(ProgramImpactTransforms.FAMILY_ID, DataTypes.StringType);

  private static Row row(String person, boolean treated, int age, Double income, double outcome) {
    return new GenericRowWithSchema(
        new Object[] {person, treated, age, "female", "R01", income, outcome, "F-" + person},
        SCHEMA);
  }

  @Test
  void rowsInAnyOrderGiveTheUnitsOrderedByPerson() {
    List<Row> rows =
        List.of(
            row("p3", true, 12, 300.0, 3.0),
            row("p1", false, 10, null, 1.0),
            row("p4", false, 13, 0.0, 4.0),
            row("p2", true, 11, 200.0, 2.0));

    ImpactSample sample =
        ImpactDesign.sample(
            ProgramImpactJob.units(rows.get(0), rows.subList(1, 4).iterator(), List.of("income")),
            List.of("income"));

    assertThat(sample.size()).isEqualTo(4);
    // p1, p2, p3, p4: outcomes 1..4, treated only p2 and p3, ages 10..13
    assertThat(new double[] {sample.outcome(0), sample.outcome(1), sample.outcome(2)})
        .containsExactly(1.0, 2.0, 3.0);
    assertThat(sample.outcome(3)).isEqualTo(4.0);
    assertThat(List.of(sample.isTreated(0), sample.isTreated(1), sample.isTreated(2)))
        .containsExactly(false, true, true);
    int age = sample.covariateNames().indexOf("age");
    int income = sample.covariateNames().indexOf("income");
    int missing = sample.covariateNames().indexOf("income_missing");
    assertThat(sample.covariate(0, age)).isEqualTo(10.0);
    assertThat(sample.covariate(3, age)).isEqualTo(13.0);
    // p1's income was not observed: 0 with its missing indicator set
    assertThat(sample.covariate(0, income)).isZero();
    assertThat(sample.covariate(0, missing)).isEqualTo(1.0);
    assertThat(sample.covariate(2, income)).isEqualTo(300.0);
    // four families of one child each: four clusters
    assertThat(java.util.stream.IntStream.range(0, 4).map(sample::cluster).distinct().count())
        .isEqualTo(4);
  }
}
