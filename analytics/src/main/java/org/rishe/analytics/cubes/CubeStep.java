package org.rishe.analytics.cubes;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step that publishes the researchers' aggregate cubes; the work is in the transforms.
 */
public final class CubeStep implements AnalysisStep {
  static final String METHOD =
      "counts at the finest grain (coarser counts are sums of cells), consenting people only;"
          + " age bands 0-5, 6-11, 12-14, 15-17, 18+ in whole years on the event's date;"
          + " missing region, sex or birth date as 'unknown'";

  @Override
  public String name() {
    return "researcher cubes";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(Entity.FAMILIES, Entity.PEOPLE, Entity.CASES, Entity.ENROLLMENTS);
  }

  @Override
  public List<String> publishes() {
    return List.of(
        ResultTables.CUBE_CASES, ResultTables.CUBE_PEOPLE, ResultTables.CUBE_PARTICIPANTS);
  }

  /** Writes the three cubes and records how they were computed. */
  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    CuratedInputs inputs = context.inputs();
    ResultsPublisher publisher = context.publisher();
    Dataset<Row> families = inputs.table(Entity.FAMILIES);
    Dataset<Row> people = inputs.people();
    publisher.write(
        ResultTables.CUBE_CASES, CubeTransforms.casesCube(inputs.cases(), people, families));
    publisher.write(ResultTables.CUBE_PEOPLE, CubeTransforms.peopleCube(people, families));
    publisher.write(
        ResultTables.CUBE_PARTICIPANTS,
        CubeTransforms.participantsCube(inputs.enrollments(), people, families));
    context.recordMethod(ResultTables.CUBE_CASES, METHOD + "; month and age at the case's opening");
    context.recordMethod(ResultTables.CUBE_PEOPLE, METHOD + "; age at registration");
    context.recordMethod(
        ResultTables.CUBE_PARTICIPANTS,
        METHOD + "; each person once per programme, month and age at first enrolment");
  }
}
