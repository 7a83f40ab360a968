package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The sorted frame handed out as one run of rows per programme and outcome. */
class SampleRunsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(ProgramImpactTransforms.PROGRAM_ID, DataTypes.StringType)
          .add(ProgramImpactTransforms.OUTCOME, DataTypes.StringType)
          .add(ProgramImpactTransforms.PERSON_ID, DataTypes.StringType);

  private static Row row(String program, String outcome, String person) {
    return new GenericRowWithSchema(new Object[] {program, outcome, person}, SCHEMA);
  }

  private static List<String> people(List<Row> run) {
    return run.stream().map(row -> row.getString(2)).toList();
  }

  @Test
  void handsOutConsecutiveRunsInKeyOrder() {
    ProgramImpactJob.SampleRuns runs =
        new ProgramImpactJob.SampleRuns(
            List.of(
                    row("P1", "o1", "a"),
                    row("P1", "o1", "b"),
                    row("P1", "o2", "a"),
                    row("P2", "o1", "c"),
                    row("P2", "o1", "d"),
                    row("P2", "o1", "e"))
                .iterator());

    assertThat(people(runs.next("P1", "o1"))).containsExactly("a", "b");
    assertThat(people(runs.next("P1", "o2"))).containsExactly("a");
    assertThat(people(runs.next("P2", "o1"))).containsExactly("c", "d", "e");
    assertThat(runs.next("P3", "o1")).isEmpty();
  }

  @Test
  void skipsKeysNotAskedForAndAnswersEmptyForKeysWithoutRows() {
    ProgramImpactJob.SampleRuns runs =
        new ProgramImpactJob.SampleRuns(
            List.of(row("P1", "o1", "a"), row("P1", "o3", "b"), row("P2", "o1", "c")).iterator());

    // "P1/o2" sorts between the first two rows and has none; the next key still gets its row.
    assertThat(runs.next("P1", "o2")).isEmpty();
    assertThat(people(runs.next("P1", "o3"))).containsExactly("b");
    assertThat(people(runs.next("P2", "o1"))).containsExactly("c");
  }

  @Test
  void ordersKeysAsSparkDoesByUtf8Bytes() {
    // "Z" (0x5A) sorts before "a" (0x61), and U+00E9 (UTF-8 0xC3 0xA9) after both, as in Spark.
    ProgramImpactJob.SampleRuns runs =
        new ProgramImpactJob.SampleRuns(
            List.of(row("Z", "o", "1"), row("a", "o", "2"), row("\u00e9", "o", "3")).iterator());

    assertThat(people(runs.next("Z", "o"))).containsExactly("1");
    assertThat(people(runs.next("a", "o"))).containsExactly("2");
    assertThat(people(runs.next("\u00e9", "o"))).containsExactly("3");
  }
}
