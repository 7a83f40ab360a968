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

  /** The manifest of a run, beside its tables. */
  public static final String MANIFEST = "run.json";
}
