package org.rishe.analytics.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.spark.TestSparkSessions;

class ProblemTransformsTest {
  private final SparkSession spark = TestSparkSessions.shared();

  private Dataset<Row> frame(StructType schema, Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  @Test
  void countsCasesAndDistinctPeoplePerProblemLeavingOutPeopleWithoutConsent() {
    StructType peopleSchema =
        new StructType()
            .add("person_id", DataTypes.StringType)
            .add("consent_analytics", DataTypes.BooleanType);
    StructType caseSchema =
        new StructType()
            .add("case_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType)
            .add("problem", DataTypes.StringType);
    StructType indicatorSchema =
        new StructType()
            .add("code", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("label_en", DataTypes.StringType)
            .add("label_fa", DataTypes.StringType);
    Dataset<Row> people =
        frame(
            peopleSchema,
            new Object[] {"a", true},
            new Object[] {"b", null},
            new Object[] {"c", false});
    Dataset<Row> cases =
        frame(
            caseSchema,
            new Object[] {"1", "a", "child_labour"},
            new Object[] {"2", "a", "child_labour"},
            new Object[] {"3", "b", "child_labour"},
            new Object[] {"4", "c", "child_labour"},
            new Object[] {"5", "c", "delinquency"},
            new Object[] {"6", "gone", "delinquency"});
    Dataset<Row> indicators =
        frame(
            indicatorSchema,
            new Object[] {"child_labour", "problem", "Child labour", "کار کودک"},
            new Object[] {"delinquency", "problem", "Delinquency", "بزهکاری"},
            new Object[] {"poverty", "factor", "Poverty", "فقر"});

    List<Row> rows =
        ProblemTransforms.problemCounts(
                AnalyticScope.ofConsentingPeople(cases, people, "person_id"), indicators)
            .collectAsList();

    // a has 2 cases, b (no consent answer: consents) 1, c (refused) none counted, "gone" was
    // deleted
    assertThat(rows)
        .extracting(Row::toString)
        .containsExactly(
            "[child_labour,Child labour,کار کودک,3,2]", "[delinquency,Delinquency,بزهکاری,0,0]");
  }
}
