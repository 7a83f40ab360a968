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

  /**
   * One row per region of the regions catalogue: code, labels, parent region and GeoJSON outline
   * (null where the catalogue gives none). Empty when no regions file was ever ingested.
   */
  public static final String REGIONS = "regions";

  public static final String PARENT = "parent";
  public static final String GEOMETRY = "geometry";

  /** One row per problem: cases and distinct people with a case, consent honoured. */
  public static final String PROBLEMS = "problems";

  public static final String CODE = "code";
  public static final String KIND = "kind";
  public static final String DOMAIN = "domain";
  public static final String LABEL_EN = "label_en";
  public static final String LABEL_FA = "label_fa";
  public static final String CASES = "cases";
  public static final String PEOPLE = "people";

  // Dashboard, emerging problems, donor trust and volunteer matching.

  /**
   * One row per calendar ({@code gregorian} or {@code jalali}), month of that calendar ({@code
   * YYYY-MM}) and region: counts that can be summed over any period and set of regions.
   */
  public static final String DASHBOARD_MONTHLY = "dashboard_monthly";

  /**
   * One row per calendar, month, region, measure and whole number of days: how many cases (or
   * donations) took that many days, so that medians of any period are exact sums away.
   */
  public static final String DASHBOARD_DURATIONS = "dashboard_durations";

  /** One row per calendar, month received, region and currency: donations and their delivery. */
  public static final String DASHBOARD_DONATIONS = "dashboard_donations";

  /** One row per region, problem and assessed month: EARS C2 observed, expected, score, flag. */
  public static final String HOTSPOTS = "hotspots";

  /** One row per donation: its journey stages, current stage, gaps and flags. */
  public static final String DONATION_JOURNEYS = "donation_journeys";

  /** One row per volunteer and programme worth suggesting: rank, score and reasons. */
  public static final String VOLUNTEER_MATCHES = "volunteer_matches";

  public static final String CALENDAR = "calendar";
  public static final String MONTH = "month";
  public static final String REGION = "region";
  public static final String PEOPLE_REACHED = "people_reached";
  public static final String FAMILIES_REACHED = "families_reached";
  public static final String CASES_OPENED = "cases_opened";
  public static final String CASES_CLOSED = "cases_closed";
  public static final String CASES_RESOLVED = "cases_resolved";
  public static final String PARTICIPANTS = "participants";
  public static final String PROGRAM_EXITS = "program_exits";
  public static final String COMPLETIONS = "completions";
  public static final String PROGRAM_COST = "program_cost";
  public static final String MEASURE = "measure";
  public static final String DAYS = "days";
  public static final String COUNT = "count";
  public static final String DAYS_TO_RESOLUTION = "days_to_resolution";
  public static final String DAYS_TO_DELIVERY = "days_to_delivery";
  public static final String CURRENCY = "currency";
  public static final String DONATIONS = "donations";
  public static final String AMOUNT = "amount";
  public static final String DELIVERED = "delivered";
  public static final String PROBLEM = "problem";
  public static final String PERIOD = "period";
  public static final String OBSERVED = "observed";
  public static final String EXPECTED = "expected";
  public static final String SCORE = "score";
  public static final String FLAGGED = "flagged";
  public static final String DONATION_ID = "donation_id";
  public static final String DONOR_ID = "donor_id";
  public static final String DESIGNATION = "designation";
  public static final String RECEIVED_ON = "received_on";
  public static final String STAGES = "stages";
  public static final String STAGE = "stage";
  public static final String AT = "at";
  public static final String CURRENT_STAGE = "current_stage";
  public static final String STAGE_GAPS = "stage_gaps";
  public static final String FROM_STAGE = "from_stage";
  public static final String TO_STAGE = "to_stage";
  public static final String DELIVERED_ON = "delivered_on";
  public static final String FLAGS = "flags";

  // The flags a donation's journey may carry (its FLAGS column), set by the analysis and, for a
  // pledge's own stage, by the API.

  /** A stage timestamped before one it should follow. */
  public static final String FLAG_OUT_OF_ORDER = "out_of_order";

  public static final String FLAG_STALLED = "stalled";
  public static final String FLAG_NEVER_DELIVERED = "never_delivered";
  public static final String FLAG_PARTLY_DELIVERED = "partly_delivered";
  public static final String FLAG_OVER_DELIVERED = "over_delivered";

  public static final String VOLUNTEER_ID = "volunteer_id";
  public static final String PROGRAM_ID = "program_id";
  public static final String RANK = "rank";
  public static final String REASONS = "reasons";

  // Programme impact.

  /** One row per programme: name, kind, target problem, cost per participant, participants. */
  public static final String PROGRAMS = "programs";

  /**
   * One row per programme, outcome and estimation method: effect on the treated with its 95%
   * bootstrap interval, the naive difference, group sizes, and the cost per outcome gained.
   */
  public static final String PROGRAM_IMPACT = "program_impact";

  /**
   * One row per programme, outcome and covariate: standardised mean difference before/after, and in
   * how many of the estimate's propensity strata the covariate is still unbalanced.
   */
  public static final String PROGRAM_BALANCE = "program_balance";

  /**
   * One row per programme and outcome indicator without an estimate, or per programme (outcome
   * null) when the reason holds for all its outcomes: a reason code, the sentence that explains it,
   * and the counts behind the sentence ({@link ProgramImpactGap}).
   */
  public static final String PROGRAM_IMPACT_GAPS = "program_impact_gaps";

  /** One of the {@code ProgramImpactGap} reason codes, e.g. {@code no_outcome_in_window}. */
  public static final String REASON = "reason";

  public static final String REASON_TEXT = "reason_text";

  /** Consenting people ever enrolled in the programme. */
  public static final String ENROLLED = "enrolled";

  /** Of the enrolled, those in the analysis scope (an age at enrolment within the scope's ages). */
  public static final String IN_SCOPE = "in_scope";

  public static final String TREATED_WITH_OUTCOME = "treated_with_outcome";
  public static final String COMPARISON_WITH_OUTCOME = "comparison_with_outcome";

  /** Enrolled people in scope whose outcome was observed after enrolment, never in the window. */
  public static final String TREATED_OUTSIDE_WINDOW = "treated_outside_window";

  /** Their median days from enrolment to the first such observation. */
  public static final String MEDIAN_DAYS_OUTSIDE_WINDOW = "median_days_outside_window";

  public static final String FOLLOW_UP_START_DAYS = "follow_up_start_days";

  /** Null: the follow-up window has no end. */
  public static final String FOLLOW_UP_END_DAYS = "follow_up_end_days";

  public static final String MINIMUM_GROUP_SIZE = "minimum_group_size";

  public static final String NAME = "name";
  public static final String TARGET_PROBLEM = "target_problem";
  public static final String COST_PER_PARTICIPANT = "cost_per_participant";
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

  /** Units per bootstrap resample: the sample size, or fewer for an m-out-of-n bootstrap. */
  public static final String RESAMPLE_UNITS = "resample_units";

  /** Cost per unit of outcome change (null when the interval includes no change). */
  public static final String COST_PER_OUTCOME = "cost_per_outcome";

  public static final String COST_PER_OUTCOME_LOW = "cost_per_outcome_low";
  public static final String COST_PER_OUTCOME_HIGH = "cost_per_outcome_high";
  public static final String COVARIATE = "covariate";
  public static final String SMD_BEFORE = "smd_before";
  public static final String SMD_AFTER = "smd_after";

  /** Whether a balance row's covariate is an indicator (0 or 1 only). */
  public static final String BINARY = "binary_covariate";

  /**
   * The number of propensity strata of a balance row's estimate (Dehejia &amp; Wahba's
   * stratification). Runs published before the column lack it, and {@link #UNBALANCED_STRATA}.
   */
  public static final String STRATA = "strata";

  /**
   * In how many of those strata the covariate's treated and control means still differ (Welch
   * t-test, 5%): Dehejia &amp; Wahba's balance check, 0 when none.
   */
  public static final String UNBALANCED_STRATA = "unbalanced_strata";

  public static final String METHOD_NAIVE = "naive_difference";
  public static final String METHOD_WEIGHTING = "inverse_probability_weighting";
  public static final String METHOD_MATCHING = "nearest_neighbour_matching";
  public static final String METHOD_DOUBLY_ROBUST = "doubly_robust";
  public static final String METHOD_STRATIFICATION = "propensity_stratification";
  public static final String METHOD_ENTROPY_BALANCING = "entropy_balancing";
  public static final String OUTCOME_RISK_DIFFERENCE = "risk_difference";
  public static final String OUTCOME_MEAN_DIFFERENCE = "mean_difference";

  // Root causes.

  /**
   * One row per problem × factor, overall (null region) and per region: the 2×2 counts, crude and
   * adjusted ratios, attributable fraction, p- and q-value, lead time and evidence grade.
   */
  public static final String ROOT_CAUSES = "root_causes";

  /** One row per variable of the causal graph: id, kind (demographic, factor, problem), labels. */
  public static final String CAUSAL_GRAPH_NODES = "causal_graph_nodes";

  /** One row per edge of the causal graph: from, to, directed, bootstrap stability. */
  public static final String CAUSAL_GRAPH_EDGES = "causal_graph_edges";

  /**
   * One row per problem and chain: rank, path (root first), directed (false for a possible chain,
   * some of whose links are undirected), people (sample size), and the direct, indirect and total
   * effects, each with its {@code _low}/{@code _high} 95% bounds (null where none), and
   * share_mediated. Runs published before directed, people and the bounds existed lack them.
   */
  public static final String ROOT_CAUSE_CHAINS = "root_cause_chains";

  public static final String ID = "id";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String DIRECTED = "directed";
  public static final String STABILITY = "stability";
  public static final String PATH = "path";
  public static final String DIRECT = "direct";
  public static final String INDIRECT = "indirect";
  public static final String TOTAL = "total";
  public static final String SHARE_MEDIATED = "share_mediated";

  /**
   * The scale of a chain's direct, indirect and total effects: {@value #RISK_DIFFERENCE_SCALE}.
   * Runs published before the column read as {@value #LOG_ODDS_SCALE}.
   */
  public static final String EFFECT_SCALE = "effect_scale";

  public static final String RISK_DIFFERENCE_SCALE = "risk difference";
  public static final String LOG_ODDS_SCALE = "log-odds";

  /** The families of a chain's people: the clusters of its intervals. */
  public static final String FAMILIES = "families";

  /** A chain's standardised risks with everybody exposed to its root, and with nobody exposed. */
  public static final String RISK_EXPOSED = "risk_exposed";

  public static final String RISK_UNEXPOSED = "risk_unexposed";

  public static final String FACTOR = "factor";
  public static final String EXPOSED_CASES = "exposed_cases";
  public static final String EXPOSED_TOTAL = "exposed_total";
  public static final String UNEXPOSED_CASES = "unexposed_cases";
  public static final String UNEXPOSED_TOTAL = "unexposed_total";
  public static final String MISSING = "missing";
  public static final String RELATIVE_RISK = "relative_risk";
  public static final String ODDS_RATIO = "odds_ratio";
  public static final String ADJUSTED_ODDS_RATIO = "adjusted_odds_ratio";
  public static final String ATTRIBUTABLE_FRACTION = "attributable_fraction";

  /** Total effect (g-computation): standardised risk ratio and difference, each with _low/_high. */
  public static final String TOTAL_RISK_RATIO = "total_risk_ratio";

  public static final String TOTAL_RISK_DIFFERENCE = "total_risk_difference";

  /** The codes the total effect is adjusted for, comma-separated (age, sex, region always). */
  public static final String TOTAL_ADJUSTED_FOR = "total_adjusted_for";

  /**
   * The total effect's two-sided Wald p-value (z = log RR / its family-clustered SE; at least
   * 2.2e-308) and its Benjamini–Hochberg q-value over every total effect of the run; the evidence
   * grade rests on them.
   */
  public static final String TOTAL_P_VALUE = "total_p_value";

  public static final String TOTAL_Q_VALUE = "total_q_value";

  /** Suffixes of the 95% confidence bounds of an estimate column, e.g. relative_risk_low. */
  public static final String LOW_SUFFIX = "_low";

  public static final String HIGH_SUFFIX = "_high";
  public static final String P_VALUE = "p_value";
  public static final String Q_VALUE = "q_value";
  public static final String MEDIAN_LEAD_DAYS = "median_lead_days";
  public static final String EVIDENCE = "evidence";
  public static final String POPULATION = "population";

  // Researcher aggregate cubes: finest grain, additive measures only, so that every coarser cell
  // is exactly the sum of its finer cells. Combinations with no rows are not written (they are 0).

  /** One row per region, problem, sex, age band and onset month with cases: {@code cases}. */
  public static final String CUBE_CASES = "cube_cases";

  /** One row per region, sex and age band with people in scope: {@code people}. */
  public static final String CUBE_PEOPLE = "cube_people";

  /** One row per region, programme, sex, age band and enrolment month: {@code participants}. */
  public static final String CUBE_PARTICIPANTS = "cube_participants";

  public static final String SEX = "sex";
  public static final String AGE_BAND = "age_band";
  public static final String PROGRAM = "program";

  /** The value of a cube dimension that was not recorded (sex, birth date, region). */
  public static final String UNKNOWN = "unknown";

  // Giving by occasion.

  /**
   * One row per occasion window (an occasion in one year of its calendar), measure and currency:
   * the measure in the window against the comparison days around it, as weekly rates and their
   * ratio with a 95% interval. Measures: {@link #DONATIONS} and {@link #AMOUNT} per currency,
   * {@link #VOLUNTEER_SIGN_UPS} (currency null). Reserved for the pledge log: {@link #PLEDGES} and
   * {@link #PLEDGED_AMOUNT}, per currency, computed like donations and amount (docs/methods.md,
   * "Giving by occasion").
   */
  public static final String OCCASION_GIVING = "occasion_giving";

  public static final String OCCASION = "occasion";

  /** The year of the occasion's own calendar (Jalali or Hijri). */
  public static final String OCCASION_YEAR = "occasion_year";

  /** The Gregorian year the window starts in. */
  public static final String YEAR = "year";

  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String COMPARISON_DAYS = "comparison_days";

  /** Codes of the other occasions whose windows share a day with this one. */
  public static final String OVERLAPS = "overlaps";

  public static final String VOLUNTEER_SIGN_UPS = "volunteer_sign_ups";
  public static final String PLEDGES = "pledges";
  public static final String PLEDGED_AMOUNT = "pledged_amount";
  public static final String OCCASION_TOTAL = "occasion_total";
  public static final String COMPARISON_TOTAL = "comparison_total";
  public static final String OCCASION_WEEKLY = "occasion_weekly";
  public static final String COMPARISON_WEEKLY = "comparison_weekly";
  public static final String RATE_RATIO = "rate_ratio";
  public static final String RATE_RATIO_LOW = "rate_ratio_low";
  public static final String RATE_RATIO_HIGH = "rate_ratio_high";
  public static final String OCCASION_EVENTS = "occasion_events";
  public static final String COMPARISON_EVENTS = "comparison_events";
  public static final String DONORS = "donors";
  public static final String INTERVAL_METHOD = "interval_method";

  // The needs board.

  /**
   * One row per need whose status is open or pledged: {@link #NEED_REF} (the public reference),
   * {@link #NEED_ID} (internal, to link pledges and donations designated {@code need:<need_id>};
   * never served), kind, amount, currency, region, program_id, opened_on, {@link #DAYS_OPEN},
   * status, and for a person's need {@link #AGE_BAND}, {@link #SEX} and {@link #GROUP_SIZE}: the
   * people with a need on the board in the same region, kind, programme, age band and sex. Age band
   * and sex are published for every consenting person; the API serves them only where {@link
   * #GROUP_SIZE} is at least its small-cell k (docs/methods.md, "Needs board").
   */
  public static final String NEEDS_BOARD = "needs_board";

  public static final String NEED_REF = "need_ref";
  public static final String NEED_ID = "need_id";
  public static final String OPENED_ON = "opened_on";
  public static final String DAYS_OPEN = "days_open";
  public static final String STATUS = "status";
  public static final String GROUP_SIZE = "group_size";

  /** The manifest of a run, beside its tables. */
  public static final String MANIFEST = "run.json";
}
