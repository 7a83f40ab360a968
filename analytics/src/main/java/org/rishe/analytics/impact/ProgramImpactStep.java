package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step that evaluates every programme's impact on the catalogue's outcomes ({@link
 * ProgramImpactJob}) and publishes the programmes, the estimates and the covariate balance.
 */
public final class ProgramImpactStep implements AnalysisStep {
  static final String BALANCE_METHOD =
      "standardised mean difference per covariate, before (all units) and after (trimmed,"
          + " controls weighted by propensity odds), pooled unweighted SD; binary_covariate: the"
          + " covariate is an indicator (0 or 1 only); strata: the propensity strata of the"
          + " Dehejia-Wahba stratification, unbalanced_strata: in how many of them the"
          + " covariate's treated and control means still differ (Welch t-test, 5%; about one"
          + " stratum and covariate in twenty by chance)";

  private final ProgramImpactSettings settings;

  /** The step with the given evaluation settings, recorded in the run's parameters. */
  public ProgramImpactStep(ProgramImpactSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
  }

  @Override
  public String name() {
    return "programme impact";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(
        Entity.PEOPLE,
        Entity.FAMILIES,
        Entity.ENROLLMENTS,
        Entity.OBSERVATIONS,
        Entity.INDICATORS,
        Entity.PROGRAMS);
  }

  /** Its groups, up to a million units each, are held whole in an executor's memory. */
  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public List<String> publishes() {
    return List.of(
        ResultTables.PROGRAMS,
        ResultTables.PROGRAM_IMPACT,
        ResultTables.PROGRAM_BALANCE,
        ResultTables.PROGRAM_IMPACT_GAPS);
  }

  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    SparkSession spark = context.spark();
    CuratedInputs inputs = context.inputs();
    ResultsPublisher publisher = context.publisher();
    ProgramImpactJob.Results impact =
        new ProgramImpactJob(spark, settings, context.progress())
            .evaluateAndExplain(
                inputs.people(),
                inputs.table(Entity.FAMILIES),
                inputs.enrollments(),
                inputs.observations(),
                inputs.table(Entity.INDICATORS),
                inputs.table(Entity.PROGRAMS));
    List<ProgramImpactJob.Evaluation> evaluations = impact.evaluations();
    publisher.write(
        ResultTables.PROGRAMS,
        ProgramImpactTransforms.programs(inputs.table(Entity.PROGRAMS), inputs.enrollments()));
    publisher.write(ResultTables.PROGRAM_IMPACT, ProgramImpactTables.impact(spark, evaluations));
    publisher.write(ResultTables.PROGRAM_BALANCE, ProgramImpactTables.balance(spark, evaluations));
    context.recordMethod(ResultTables.PROGRAM_IMPACT, ProgramImpactTables.METHODS_TEXT);
    context.recordMethod(ResultTables.PROGRAM_BALANCE, BALANCE_METHOD);
    publisher.write(
        ResultTables.PROGRAM_IMPACT_GAPS, ProgramImpactTables.gaps(spark, impact.gaps()));
    context.recordMethod(ResultTables.PROGRAM_IMPACT_GAPS, ProgramImpactTables.GAPS_TEXT);
    context.recordProgramImpactGaps(
        impact.gaps().stream().map(org.rishe.analytics.publish.RunManifest::gapEntry).toList());
    context.recordParameters(settings.asMap());
  }
}
