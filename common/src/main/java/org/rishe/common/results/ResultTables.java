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

  /**
   * One row per problem × factor, overall (null region) and per region: the 2×2 counts, crude and
   * adjusted ratios, attributable fraction, p- and q-value, lead time and evidence grade.
   */
  public static final String ROOT_CAUSES = "root_causes";

  public static final String PROBLEM = "problem";
  public static final String REGION = "region";
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

  /** Suffixes of the 95% confidence bounds of an estimate column, e.g. relative_risk_low. */
  public static final String LOW = "_low";

  public static final String HIGH = "_high";
  public static final String P_VALUE = "p_value";
  public static final String Q_VALUE = "q_value";
  public static final String MEDIAN_LEAD_DAYS = "median_lead_days";
  public static final String EVIDENCE = "evidence";
  public static final String POPULATION = "population";

  /** The manifest of a run, beside its tables. */
  public static final String MANIFEST = "run.json";
}
