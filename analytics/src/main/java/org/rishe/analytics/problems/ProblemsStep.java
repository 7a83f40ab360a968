package org.rishe.analytics.problems;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/** The analyze step that publishes the counts per problem; the work is in the transforms. */
public final class ProblemsStep implements AnalysisStep {
  static final String METHOD = "cases and distinct people per problem, consenting people only";

  @Override
  public String name() {
    return "problems";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(Entity.INDICATORS, Entity.PEOPLE, Entity.CASES);
  }

  @Override
  public List<String> publishes() {
    return List.of(ResultTables.PROBLEMS);
  }

  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    context
        .publisher()
        .write(
            ResultTables.PROBLEMS,
            ProblemTransforms.problemCounts(
                context.inputs().cases(), context.inputs().table(Entity.INDICATORS)));
    context.recordMethod(ResultTables.PROBLEMS, METHOD);
  }
}
