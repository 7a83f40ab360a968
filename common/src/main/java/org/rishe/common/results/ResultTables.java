package org.rishe.common.results;

/**
 * Names of the published result tables and their columns: the contract between the analytics jobs
 * that write a run and the API that serves it. Columns are snake_case in Parquet; the API turns
 * them into camelCase JSON.
 */
public final class ResultTables {
  private ResultTables() {}

  /** One row per catalogue indicator: code, kind, value type, domain, labels. */
  public static final String INDICATORS = "indicators";

  /** One row per problem: cases and distinct people with a case, consent honoured. */
  public static final String PROBLEMS = "problems";

  public static final String CODE = "code";
  public static final String KIND = "kind";
  public static final String DOMAIN = "domain";
  public static final String LABEL_EN = "label_en";
  public static final String LABEL_FA = "label_fa";
  public static final String CASES = "cases";
  public static final String PEOPLE = "people";

  /** One row per programme: name, kind, target problem, cost per participant, participants. */
  public static final String PROGRAMS = "programs";

  /**
   * One row per programme, outcome and estimation method: effect on the treated with its 95%
   * bootstrap interval, the naive difference, group sizes, and the cost per outcome gained.
   */
  public static final String PROGRAM_IMPACT = "program_impact";

  /** One row per programme, outcome and covariate: standardised mean difference before/after. */
  public static final String PROGRAM_BALANCE = "program_balance";

  public static final String PROGRAM_ID = "program_id";
  public static final String NAME = "name";
  public static final String TARGET_PROBLEM = "target_problem";
  public static final String COST_PER_PARTICIPANT = "cost_per_participant";
  public static final String PARTICIPANTS = "participants";
  public static final String OUTCOME = "outcome";

  /** {@code risk_difference} (boolean outcome) or {@code mean_difference} (number). */
  public static final String OUTCOME_TYPE = "outcome_type";

  /** One of the {@code METHOD_*} values. */
  public static final String METHOD = "method";

  /** True on the one method per programme and outcome that the API headlines. */
  public static final String PRIMARY = "primary_method";

  public static final String ESTIMATE = "estimate";
  public static final String LOW = "low";
  public static final String HIGH = "high";
  public static final String NAIVE_DIFFERENCE = "naive_difference";
  public static final String TREATED = "treated";
  public static final String CONTROLS = "controls";
  public static final String TRIMMED_CONTROLS = "trimmed_controls";
  public static final String UNMATCHED_TREATED = "unmatched_treated";
  public static final String RESAMPLES = "resamples";

  /** Cost per unit of outcome change (null when the interval includes no change). */
  public static final String COST_PER_OUTCOME = "cost_per_outcome";

  public static final String COST_PER_OUTCOME_LOW = "cost_per_outcome_low";
  public static final String COST_PER_OUTCOME_HIGH = "cost_per_outcome_high";
  public static final String COVARIATE = "covariate";
  public static final String SMD_BEFORE = "smd_before";
  public static final String SMD_AFTER = "smd_after";

  public static final String METHOD_NAIVE = "naive_difference";
  public static final String METHOD_WEIGHTING = "inverse_probability_weighting";
  public static final String METHOD_MATCHING = "nearest_neighbour_matching";
  public static final String METHOD_DOUBLY_ROBUST = "doubly_robust";
  public static final String METHOD_STRATIFICATION = "propensity_stratification";
  public static final String OUTCOME_RISK_DIFFERENCE = "risk_difference";
  public static final String OUTCOME_MEAN_DIFFERENCE = "mean_difference";

  /** The manifest of a run, beside its tables. */
  public static final String MANIFEST = "run.json";
}
