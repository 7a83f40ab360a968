package org.rishe.api.results;

import static org.rishe.api.results.RunLoader.nullableDouble;
import static org.rishe.api.results.RunLoader.nullableLong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rishe.common.results.ResultTables;

/** Reads the root-cause tables of a run with DuckDB; absent tables read as empty. */
final class RootCauseResultsLoader {
  private RootCauseResultsLoader() {}

  static RootCauseResults load(
      Statement statement, Path runFolder, RootCauseResults.AgeRange ageRange) throws SQLException {
    return new RootCauseResults(
        factors(statement, runFolder),
        nodes(statement, runFolder),
        edges(statement, runFolder),
        chains(statement, runFolder),
        ageRange);
  }

  private static List<RootCauseResults.FactorRow> factors(Statement statement, Path runFolder)
      throws SQLException {
    List<RootCauseResults.FactorRow> factors = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.ROOT_CAUSES))) {
      return factors;
    }
    String table = RunLoader.parquet(runFolder, ResultTables.ROOT_CAUSES);
    // a run published before total effects lacks their columns: they read as null
    Set<String> present = RunLoader.columns(statement, table);
    StringBuilder totals = new StringBuilder();
    for (String estimate :
        List.of(ResultTables.TOTAL_RISK_RATIO, ResultTables.TOTAL_RISK_DIFFERENCE)) {
      for (String suffix : List.of("", ResultTables.LOW_SUFFIX, ResultTables.HIGH_SUFFIX)) {
        totals.append(", ").append(orElse(present, estimate + suffix, "NULL::DOUBLE"));
      }
    }
    totals.append(", ").append(orElse(present, ResultTables.TOTAL_ADJUSTED_FOR, "NULL::VARCHAR"));
    // a run published before the total effect's test lacks its p and q: they read as null
    for (String column : List.of(ResultTables.TOTAL_P_VALUE, ResultTables.TOTAL_Q_VALUE)) {
      totals.append(", ").append(orElse(present, column, "NULL::DOUBLE"));
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT problem, region, factor, exposed_cases, exposed_total, unexposed_cases,"
                + " unexposed_total, relative_risk, relative_risk_low, relative_risk_high,"
                + " odds_ratio, odds_ratio_low, odds_ratio_high, adjusted_odds_ratio,"
                + " adjusted_odds_ratio_low, adjusted_odds_ratio_high, attributable_fraction,"
                + " attributable_fraction_low, attributable_fraction_high, p_value, q_value,"
                + " median_lead_days, evidence, population, cases"
                + totals
                + " FROM read_parquet("
                + table
                + ") ORDER BY problem, region NULLS FIRST, factor")) {
      while (rows.next()) {
        factors.add(
            new RootCauseResults.FactorRow(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getLong(5),
                rows.getLong(6),
                rows.getLong(7),
                interval(rows, 8),
                interval(rows, 11),
                interval(rows, 14),
                interval(rows, 17),
                nullableDouble(rows, 20),
                nullableDouble(rows, 21),
                nullableDouble(rows, 22),
                rows.getString(23),
                rows.getLong(24),
                rows.getLong(25),
                totalEffect(rows, 26)));
      }
    }
    return factors;
  }

  /**
   * The total effect from its six estimate columns, the adjusted-for list and its test's p and q;
   * null when absent.
   */
  private static RootCauseResults.TotalEffect totalEffect(ResultSet rows, int first)
      throws SQLException {
    RootCauseResults.Interval ratio = interval(rows, first);
    RootCauseResults.Interval difference = interval(rows, first + 3);
    String adjustedFor = rows.getString(first + 6);
    if (ratio.estimate() == null || difference.estimate() == null) {
      return null;
    }
    return new RootCauseResults.TotalEffect(
        ratio,
        difference,
        adjustedFor == null || adjustedFor.isEmpty() ? List.of() : List.of(adjustedFor.split(",")),
        nullableDouble(rows, first + 7),
        nullableDouble(rows, first + 8));
  }

  private static RootCauseResults.Interval interval(ResultSet rows, int first) throws SQLException {
    return new RootCauseResults.Interval(
        nullableDouble(rows, first),
        nullableDouble(rows, first + 1),
        nullableDouble(rows, first + 2));
  }

  private static List<RootCauseResults.Node> nodes(Statement statement, Path runFolder)
      throws SQLException {
    List<RootCauseResults.Node> nodes = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.CAUSAL_GRAPH_NODES))) {
      return nodes;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT id, kind, label_en, label_fa FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.CAUSAL_GRAPH_NODES)
                + ") ORDER BY id")) {
      while (rows.next()) {
        nodes.add(
            new RootCauseResults.Node(
                rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return nodes;
  }

  private static List<RootCauseResults.GraphEdge> edges(Statement statement, Path runFolder)
      throws SQLException {
    List<RootCauseResults.GraphEdge> edges = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.CAUSAL_GRAPH_EDGES))) {
      return edges;
    }
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT \"from\", \"to\", directed, stability FROM read_parquet("
                + RunLoader.parquet(runFolder, ResultTables.CAUSAL_GRAPH_EDGES)
                + ") ORDER BY \"from\", \"to\"")) {
      while (rows.next()) {
        edges.add(
            new RootCauseResults.GraphEdge(
                rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getDouble(4)));
      }
    }
    return edges;
  }

  /**
   * The chains of every problem. A run published before chains had a direction flag, a sample size
   * and intervals lacks those columns: its chains read as directed (only directed chains were
   * published then), with no sample size and no intervals. A run published before the effect scale
   * was recorded gave log-odds effects (the difference method) and reads so, with no families and
   * no standardised risks.
   */
  private static List<RootCauseResults.Chain> chains(Statement statement, Path runFolder)
      throws SQLException {
    List<RootCauseResults.Chain> chains = new ArrayList<>();
    if (!Files.isDirectory(runFolder.resolve(ResultTables.ROOT_CAUSE_CHAINS))) {
      return chains;
    }
    String table = RunLoader.parquet(runFolder, ResultTables.ROOT_CAUSE_CHAINS);
    Set<String> present = RunLoader.columns(statement, table);
    StringBuilder select =
        new StringBuilder("SELECT problem, rank, path, ")
            .append(orElse(present, ResultTables.DIRECTED, "true"))
            .append(", ")
            .append(orElse(present, ResultTables.PEOPLE, "NULL::BIGINT"));
    for (String effect : List.of(ResultTables.DIRECT, ResultTables.INDIRECT, ResultTables.TOTAL)) {
      select
          .append(", ")
          .append(effect)
          .append(", ")
          .append(orElse(present, effect + ResultTables.LOW_SUFFIX, "NULL::DOUBLE"))
          .append(", ")
          .append(orElse(present, effect + ResultTables.HIGH_SUFFIX, "NULL::DOUBLE"));
    }
    select
        .append(", share_mediated, ")
        .append(
            orElse(
                present,
                ResultTables.EFFECT_SCALE,
                "'" + ResultTables.LOG_ODDS_SCALE + "'::VARCHAR"))
        .append(", ")
        .append(orElse(present, ResultTables.FAMILIES, "NULL::BIGINT"))
        .append(", ")
        .append(orElse(present, ResultTables.RISK_EXPOSED, "NULL::DOUBLE"))
        .append(", ")
        .append(orElse(present, ResultTables.RISK_UNEXPOSED, "NULL::DOUBLE"))
        .append(" FROM read_parquet(")
        .append(table);
    try (ResultSet rows = statement.executeQuery(select + ") ORDER BY problem, rank")) {
      while (rows.next()) {
        chains.add(
            new RootCauseResults.Chain(
                rows.getString(1),
                rows.getInt(2),
                strings(rows.getArray(3)),
                rows.getBoolean(4),
                effect(rows, 6),
                effect(rows, 9),
                effect(rows, 12),
                nullableDouble(rows, 15),
                nullableLong(rows, 5),
                rows.getString(16),
                nullableLong(rows, 17),
                nullableDouble(rows, 18),
                nullableDouble(rows, 19)));
      }
    }
    return chains;
  }

  /** The column when the table has it, else {@code absent} under the column's name. */
  private static String orElse(Set<String> present, String column, String absent) {
    return present.contains(column) ? column : absent + " AS " + column;
  }

  /** An effect from its estimate column and the two bound columns after it; NaN reads as null. */
  private static RootCauseResults.Effect effect(ResultSet rows, int first) throws SQLException {
    return new RootCauseResults.Effect(
        rows.getDouble(first), bound(rows, first + 1), bound(rows, first + 2));
  }

  private static Double bound(ResultSet rows, int column) throws SQLException {
    Double value = nullableDouble(rows, column);
    return value == null || value.isNaN() ? null : value;
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add(String.valueOf(value));
    }
    return values;
  }
}
