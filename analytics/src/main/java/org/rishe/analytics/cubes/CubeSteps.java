package org.rishe.analytics.cubes;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step that publishes the researchers' aggregate cubes; the work is in the transforms.
 */
public final class CubeSteps {
  static final String METHOD =
      "counts at the finest grain (coarser counts are sums of cells), consenting people only;"
          + " age bands 0-5, 6-11, 12-14, 15-17, 18+ in whole years on the event's date;"
          + " missing region, sex or birth date as 'unknown'";

  private CubeSteps() {}

  /** Writes the three cubes and records how they were computed in {@code methods}. */
  public static void run(
      CuratedInputs inputs, ResultsPublisher publisher, Map<String, String> methods) {
    requireNonNull(inputs, "inputs is null");
    requireNonNull(publisher, "publisher is null");
    requireNonNull(methods, "methods is null");
    Dataset<Row> families = inputs.table(Entity.FAMILIES);
    Dataset<Row> people = inputs.people();
    publisher.write(
        ResultTables.CUBE_CASES, CubeTransforms.casesCube(inputs.cases(), people, families));
    publisher.write(ResultTables.CUBE_PEOPLE, CubeTransforms.peopleCube(people, families));
    publisher.write(
        ResultTables.CUBE_PARTICIPANTS,
        CubeTransforms.participantsCube(inputs.enrollments(), people, families));
    methods.put(ResultTables.CUBE_CASES, METHOD + "; month and age at the case's opening");
    methods.put(ResultTables.CUBE_PEOPLE, METHOD + "; age at registration");
    methods.put(ResultTables.CUBE_PARTICIPANTS, METHOD + "; month and age at enrolment");
  }
}
